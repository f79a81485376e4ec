package dev.baml4j.codegen.internal;

import com.palantir.javapoet.ClassName;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.lang.ClassDef;
import dev.baml4j.lang.EnumDef;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Java name of every generated type, fixed before any code is emitted so that names never
 * depend on the order in which types are reached. Clashes (a BAML class called
 * {@code PartialResume}, two names that sanitise alike) get a numeric suffix.
 */
public final class JavaModel {

    public static final String CLIENT = "BamlClient";

    private final String packageName;
    private final Set<String> taken = new HashSet<>();
    private final Map<String, ClassName> classes = new LinkedHashMap<>();
    private final Map<String, ClassName> partialClasses = new LinkedHashMap<>();
    private final Map<String, ClassName> enums = new LinkedHashMap<>();
    private final ClassName client;
    private final ClassName checked;
    private final ClassName check;
    private final ClassName streamState;

    public JavaModel(BamlProject project, String packageName) {
        this.packageName = packageName;
        client = allocate(CLIENT);
        for (ClassDef c : project.classes().values()) {
            classes.put(c.name(), allocate(JavaNames.type(c.name())));
        }
        for (EnumDef e : project.enums().values()) {
            enums.put(e.name(), allocate(JavaNames.type(e.name())));
        }
        for (ClassDef c : project.classes().values()) {
            if (!c.hasAttribute("stream.done")) {
                partialClasses.put(c.name(), allocate("Partial" + classes.get(c.name()).simpleName()));
            }
        }
        checked = allocate("Checked");
        check = allocate("Check");
        streamState = allocate("StreamState");
    }

    /** A fresh top-level name in the package, never handed out twice. */
    public ClassName allocate(String wanted) {
        String name = wanted;
        for (int i = 2; !taken.add(name); i++) {
            name = wanted + i;
        }
        return ClassName.get(packageName, name);
    }

    public String packageName() {
        return packageName;
    }

    public ClassName classType(String bamlName) {
        return classes.get(bamlName);
    }

    /** The partial record of a class, or the class itself when it is {@code @@stream.done}. */
    public ClassName partialClassType(String bamlName) {
        return partialClasses.getOrDefault(bamlName, classes.get(bamlName));
    }

    public boolean hasPartialRecord(String bamlName) {
        return partialClasses.containsKey(bamlName);
    }

    public ClassName enumType(String bamlName) {
        return enums.get(bamlName);
    }

    public ClassName client() {
        return client;
    }

    public ClassName checked() {
        return checked;
    }

    public ClassName check() {
        return check;
    }

    public ClassName streamState() {
        return streamState;
    }
}

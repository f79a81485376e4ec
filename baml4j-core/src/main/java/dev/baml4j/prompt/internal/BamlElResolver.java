package dev.baml4j.prompt.internal;

import com.hubspot.jinjava.el.ext.NamedParameter;
import dev.baml4j.prompt.internal.JinjaValues.ClassView;
import dev.baml4j.prompt.internal.JinjaValues.EnumView;
import dev.baml4j.prompt.internal.JinjaValues.ListView;
import dev.baml4j.prompt.internal.JinjaValues.Undefined;
import java.beans.FeatureDescriptor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * Attribute and method resolution in BAML's terms, ahead of Jinjava's own resolvers: class
 * instances by field name (a missing field is undefined), enum values ({@code .value}), list
 * indexes out of range as undefined, an error for any attribute of an undefined value (as
 * minijinja), the Python {@code str} and {@code dict} methods of minijinja's pycompat mode, and the
 * {@code _} and {@code ctx} helpers. Records and POJOs never reach templates: {@code ArgumentBinder}
 * turns them into BAML values first, which are shown as {@link JinjaValues} views.
 */
public final class BamlElResolver extends ELResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base == null) {
            return null;
        }
        if (base instanceof Undefined) {
            throw new TemplateRuntimeError("undefined value: cannot read '" + property + "' of an undefined value");
        }
        String name = ReservedNames.decode(String.valueOf(property));
        if (base instanceof RenderHelpers.Ctx ctx) {
            context.setPropertyResolved(true);
            return ctx.property(name);
        }
        if (base instanceof RenderHelpers.Roles) {
            context.setPropertyResolved(true);
            return null;
        }
        if (base instanceof ClassView c) {
            context.setPropertyResolved(true);
            return c.containsKey(name) ? c.get(name) : Undefined.INSTANCE;
        }
        if (base instanceof String str && (property instanceof Number || isInteger(name))) {
            context.setPropertyResolved(true);
            int i = Integer.parseInt(name);
            if (i < 0) {
                i += str.length();
            }
            return i >= 0 && i < str.length() ? String.valueOf(str.charAt(i)) : Undefined.INSTANCE;
        }
        if (base instanceof String || base instanceof Number || base instanceof Boolean) {
            // minijinja: a scalar has no attributes, so reading one gives undefined
            context.setPropertyResolved(true);
            return Undefined.INSTANCE;
        }
        if (base instanceof JinjaValues.MapView m && !m.containsKey(name)) {
            context.setPropertyResolved(true);
            return Undefined.INSTANCE;
        }
        if (base instanceof Map<?, ?> m && !name.equals(String.valueOf(property))) {
            context.setPropertyResolved(true);
            return m.get(name);
        }
        if (base instanceof EnumView e) {
            context.setPropertyResolved(true);
            return switch (name) {
                case "value", "name" -> e.value();
                default -> Undefined.INSTANCE;
            };
        }
        if (base instanceof ListView l && (property instanceof Number || isInteger(name))) {
            context.setPropertyResolved(true);
            int i = Integer.parseInt(name);
            if (i < 0) {
                i += l.size();
            }
            return i >= 0 && i < l.size() ? l.get(i) : Undefined.INSTANCE;
        }
        return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null) {
            return null;
        }
        String name = String.valueOf(method);
        Object[] args = params == null ? new Object[0] : params;
        if (base instanceof Undefined) {
            throw new TemplateRuntimeError("undefined value: cannot call '" + name + "' on an undefined value");
        }
        if (base instanceof RenderHelpers.Roles roles && (name.equals("role") || name.equals("chat"))) {
            context.setPropertyResolved(true);
            return roles.role(args);
        }
        if (base instanceof RenderHelpers.Ctx ctx && name.equals("output_format")) {
            context.setPropertyResolved(true);
            return ctx.outputFormat(args);
        }
        if (base instanceof String s) {
            Object r = PyStringMethods.call(s, name, positional(args), keywords(args));
            if (r != PyStringMethods.NOT_FOUND) {
                context.setPropertyResolved(true);
                return r;
            }
        }
        if (base instanceof Map<?, ?> m) {
            Object r = dictMethod(m, name, positional(args));
            if (r != PyStringMethods.NOT_FOUND) {
                context.setPropertyResolved(true);
                return r;
            }
        }
        return null;
    }

    private static Object dictMethod(Map<?, ?> m, String name, List<Object> args) {
        switch (name) {
            case "items": {
                List<Object> out = new ArrayList<>();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    out.add(Map.entry(e.getKey(), e.getValue() == null ? NullEntryValue.NULL : e.getValue()));
                }
                return unwrapNullEntries(out);
            }
            case "keys":
                return new ArrayList<>(m.keySet());
            case "values":
                return new ArrayList<>(m.values());
            case "get": {
                if (args.isEmpty()) {
                    return PyStringMethods.NOT_FOUND;
                }
                Object key = args.get(0);
                if (m.containsKey(key)) {
                    return m.get(key);
                }
                return args.size() > 1 ? args.get(1) : null;
            }
            default:
                return PyStringMethods.NOT_FOUND;
        }
    }

    /** Map.entry rejects null values; entries with a null value use a mutable pair instead. */
    private enum NullEntryValue { NULL }

    private static List<Object> unwrapNullEntries(List<Object> entries) {
        List<Object> out = new ArrayList<>(entries.size());
        for (Object o : entries) {
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
            if (e.getValue() == NullEntryValue.NULL) {
                out.add(new java.util.AbstractMap.SimpleEntry<>(e.getKey(), null));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private static boolean isInteger(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        if (s.length() == start || s.length() > 10) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static List<Object> positional(Object[] args) {
        List<Object> out = new ArrayList<>();
        for (Object a : args) {
            if (!(a instanceof NamedParameter)) {
                out.add(a);
            }
        }
        return out;
    }

    static Map<String, Object> keywords(Object[] args) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object a : args) {
            if (a instanceof NamedParameter p) {
                out.put(ReservedNames.decode(p.getName()), p.getValue());
            }
        }
        return out;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // template values are read-only
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return Object.class;
    }
}

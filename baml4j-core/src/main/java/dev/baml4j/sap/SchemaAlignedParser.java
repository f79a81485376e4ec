package dev.baml4j.sap;

import dev.baml4j.BamlValidationException;
import dev.baml4j.lang.BamlProject;
import dev.baml4j.sap.internal.CandidateExtractor;
import dev.baml4j.sap.internal.Coerced;
import dev.baml4j.sap.internal.Coercer;
import dev.baml4j.sap.internal.ConstraintEvaluator;
import dev.baml4j.sap.internal.JValue;
import dev.baml4j.types.BamlType;
import dev.baml4j.types.BamlValue;
import java.util.Objects;

/**
 * Schema-aligned parsing: turns sloppy LLM text (prose, fences, unquoted keys, trailing commas,
 * truncated JSON, wrongly typed values) into a {@link BamlValue} of the wanted type, the way the
 * official BAML runtime does. Thread-safe; share one per project.
 *
 * <pre>{@code
 * SchemaAlignedParser sap = new SchemaAlignedParser(project);
 * BamlValue resume = sap.parse(new BamlType.ClassRef("Resume"), llmText);
 * StreamingParse s = sap.startStream(new BamlType.ClassRef("Resume"));
 * for (String chunk : chunks) render(s.feed(chunk));
 * BamlValue done = s.finish();
 * }</pre>
 */
public final class SchemaAlignedParser {

    private final BamlProject project;
    private final ConstraintEvaluator constraints = new ConstraintEvaluator();

    public SchemaAlignedParser(BamlProject project) {
        this.project = Objects.requireNonNull(project, "project");
    }

    /** Parses a complete reply. Throws {@link BamlValidationException} when it cannot fit the type. */
    public BamlValue parse(BamlType target, String text) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(text, "text");
        if (target.equals(BamlType.STRING)) {
            return BamlValue.of(text);
        }
        JValue root = extract(target, text, true);
        return finish(target, text, new Coercer(project, false, constraints).coerceRoot(target, root));
    }

    /** Parses a prefix of a streamed reply with BAML's partial semantics. */
    public BamlValue parsePartial(BamlType target, String text) {
        StreamingParse s = startStream(target);
        BamlValue v = s.feed(text);
        if (v == null) {
            return s.lastErrorOrThrow();
        }
        return v;
    }

    /** Starts an incremental parse of a streamed reply. */
    public StreamingParse startStream(BamlType target) {
        return new StreamingParse(this, Objects.requireNonNull(target, "target"));
    }

    /** The project whose classes, enums and aliases the parser resolves. */
    public BamlProject project() {
        return project;
    }

    ConstraintEvaluator constraints() {
        return constraints;
    }

    static JValue extract(BamlType target, String text, boolean done) {
        try {
            return CandidateExtractor.extract(text, done);
        } catch (CandidateExtractor.TooDeepException e) {
            throw new BamlValidationException("Failed to parse the LLM output as " + target.toBaml() + ": "
                    + e.getMessage(), null, text);
        }
    }

    static BamlValue finish(BamlType target, String text, Coerced c) {
        if (c.error() != null) {
            throw new BamlValidationException("Failed to parse the LLM output as " + target.toBaml() + ": "
                    + c.error(), null, text);
        }
        return c.value();
    }
}

package dev.baml4j.sap;

import dev.baml4j.BamlValidationException;
import dev.baml4j.sap.internal.CandidateExtractor;
import dev.baml4j.sap.internal.Coerced;
import dev.baml4j.sap.internal.Coercer;
import dev.baml4j.sap.internal.FixingParser;
import dev.baml4j.sap.internal.JValue;
import dev.baml4j.types.BamlType;
import dev.baml4j.types.BamlValue;
import java.util.List;

/**
 * One streamed reply being parsed as it arrives. The tokenizer keeps its state between chunks,
 * so each chunk is tokenized once; only the open part of the tree is revisited when a partial
 * value is built. Not thread-safe: feed it from one thread.
 */
public final class StreamingParse {

    /** Until JSON shows up, the whole-text stages run on the prefix; beyond this size they stop. */
    private static final int PROSE_RESCAN_LIMIT = 64 * 1024;

    private final SchemaAlignedParser owner;
    private final BamlType target;
    private final StringBuilder text = new StringBuilder();
    private final FixingParser grep = new FixingParser(true);
    /** One coercer for the whole stream: it keeps what it worked out about the classes between chunks. */
    private final Coercer coercer;
    private String lastError;
    private boolean finished;

    StreamingParse(SchemaAlignedParser owner, BamlType target) {
        this.owner = owner;
        this.target = target;
        this.coercer = new Coercer(owner.project(), true, owner.constraints());
    }

    /** Adds a chunk; returns the partial value so far, or null while nothing fits the type yet. */
    public BamlValue feed(String chunk) {
        if (finished) {
            throw new IllegalStateException("the stream was already finished");
        }
        text.append(chunk);
        if (target.equals(BamlType.STRING)) {
            return BamlValue.of(text.toString());
        }
        grep.feed(chunk);
        if (grep.tooDeep()) {
            lastError = "the output nests brackets deeper than " + FixingParser.MAX_DEPTH + " levels";
            return null;
        }
        JValue root;
        List<JValue> roots = grep.snapshot();
        if (!roots.isEmpty()) {
            root = candidates(roots);
        } else if (text.length() <= PROSE_RESCAN_LIMIT) {
            try {
                root = CandidateExtractor.extract(text.toString(), false);
            } catch (CandidateExtractor.TooDeepException e) {
                lastError = e.getMessage();
                return null;
            }
        } else {
            root = new JValue.JAnyOf(List.of(new JValue.JString(text.toString(), false)), text.toString(), false);
        }
        Coerced c = coercer.coerceRoot(target, root);
        if (c.error() != null) {
            lastError = c.error();
            return null;
        }
        lastError = null;
        return c.value();
    }

    private JValue candidates(List<JValue> roots) {
        List<JValue> out = new java.util.ArrayList<>(roots.size() + 1);
        for (JValue r : roots) {
            out.add(new JValue.JFixed(r));
        }
        if (roots.size() > 1) {
            out.add(new JValue.JFixed(new JValue.JArray(roots, false)));
        }
        // Partial coercion never reads the original text here: an exact string target returned the
        // text before coercion, and enum or literal roots are never complete while streaming.
        return new JValue.JAnyOf(out, "", false);
    }

    /** Parses the whole reply as final (not partial) and ends the stream. */
    public BamlValue finish() {
        finished = true;
        return owner.parse(target, text.toString());
    }

    /** The text received so far. */
    public String text() {
        return text.toString();
    }

    BamlValue lastErrorOrThrow() {
        throw new BamlValidationException("Failed to parse the partial LLM output as " + target.toBaml() + ": "
                + (lastError == null ? "no value yet" : lastError), null, text.toString());
    }
}

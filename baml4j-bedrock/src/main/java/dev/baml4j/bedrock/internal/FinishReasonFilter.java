package dev.baml4j.bedrock.internal;

import dev.baml4j.BamlClientFinishReasonException;
import java.util.List;

/** {@code finish_reason_allow_list} / {@code finish_reason_deny_list}, compared ignoring case. */
final class FinishReasonFilter {

    private FinishReasonFilter() {
    }

    /** Null when the reason is allowed; otherwise the exception to raise. */
    static BamlClientFinishReasonException check(BedrockOptions o, String reason, String rawOutput) {
        if (reason == null) {
            return null;
        }
        List<String> allow = o.finishReasonAllowList();
        List<String> deny = o.finishReasonDenyList();
        boolean ok = true;
        if (allow != null) {
            ok = allow.stream().anyMatch(a -> a.equalsIgnoreCase(reason));
        } else if (deny != null) {
            ok = deny.stream().noneMatch(d -> d.equalsIgnoreCase(reason));
        }
        if (ok) {
            return null;
        }
        String rule = allow != null ? "is not in finish_reason_allow_list " + allow : "is in finish_reason_deny_list " + deny;
        return new BamlClientFinishReasonException(o.clientName(), "Finish reason not allowed: client `" + o.clientName()
                + "` stopped with `" + reason + "`, which " + rule, reason, rawOutput);
    }
}

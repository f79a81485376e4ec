package dev.baml4j.bedrock.internal;

import dev.baml4j.types.ConfigValue;
import dev.baml4j.types.SourceSpan;

/**
 * The documented credential rules: all-or-nothing (a key id needs its secret, a session token needs
 * both) and profile exclusivity (a {@code profile} never goes with explicit keys). An empty value
 * counts as unset. A rule is reported as soon as it is certainly broken: at load time for literals,
 * at client creation for {@code env.X} values.
 */
final class CredentialRules {

    private enum Presence { PRESENT, ABSENT, UNKNOWN }

    private CredentialRules() {
    }

    static void check(ConfigReader r, ConfigValue.MapLit opts, String keyId, String secret, String token, String profile) {
        Presence k = presence(keyId);
        Presence s = presence(secret);
        Presence t = presence(token);
        Presence p = presence(profile);
        boolean keysBroken = (k == Presence.PRESENT && s == Presence.ABSENT) || (k == Presence.ABSENT && s == Presence.PRESENT);
        boolean tokenBroken = t == Presence.PRESENT && (k == Presence.ABSENT || s == Presence.ABSENT);
        if (keysBroken || tokenBroken) {
            String msg = "If either access_key_id or secret_access_key are provided, both must be provided."
                    + (tokenBroken ? " If session_token is provided, all three must be provided." : "");
            String missing = k == Presence.ABSENT ? "access_key_id" : "secret_access_key";
            r.error(span(opts, "access_key_id", "secret_access_key", "session_token"), msg + sources(r),
                    "add " + missing + " (e.g. " + missing + " env.AWS_" + missing.toUpperCase(java.util.Locale.ROOT)
                            + "), or remove the credential options to use the default credential chain");
        }
        boolean anyExplicit = k == Presence.PRESENT || s == Presence.PRESENT || t == Presence.PRESENT;
        if (p == Presence.PRESENT && anyExplicit) {
            r.error(span(opts, "profile"), "profile cannot be used together with access_key_id, secret_access_key or session_token"
                    + sources(r), "remove profile to use the explicit keys, or remove the keys to use the profile");
        }
    }

    private static Presence presence(String v) {
        if (v == null || v.isEmpty()) {
            return Presence.ABSENT;
        }
        return v.equals(ConfigReader.UNKNOWN) ? Presence.UNKNOWN : Presence.PRESENT;
    }

    /** Which options came from which variables, so an env-driven error says where to look. */
    private static String sources(ConfigReader r) {
        StringBuilder sb = new StringBuilder();
        for (String option : new String[] {"access_key_id", "secret_access_key", "session_token", "profile"}) {
            String var = r.envSources().get(option);
            if (var != null) {
                sb.append(sb.length() == 0 ? " (" : ", ").append(option).append(" from env.").append(var);
            }
        }
        return sb.length() == 0 ? "" : sb.append(')').toString();
    }

    private static SourceSpan span(ConfigValue.MapLit opts, String... options) {
        for (String o : options) {
            var e = opts.entry(o);
            if (e.isPresent()) {
                return e.get().keySpan() != null ? e.get().keySpan() : e.get().value().span();
            }
        }
        return opts.span();
    }
}

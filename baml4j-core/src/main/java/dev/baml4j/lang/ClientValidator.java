package dev.baml4j.lang;

import java.util.List;

/**
 * What the compiler asks of the providers that are installed: does a provider name exist, and
 * are a client's options right. The runtime supplies it; {@code lang} knows no provider itself.
 */
public interface ClientValidator {

    boolean knowsProvider(String provider);

    /** Load-time problems with a client's options (unknown options, wrong types, conflicts). */
    List<Diagnostic> validate(ClientDef client);

    /** Accepts every provider and every option; for tools that only need types. */
    ClientValidator PERMISSIVE = new ClientValidator() {
        @Override
        public boolean knowsProvider(String provider) {
            return true;
        }

        @Override
        public List<Diagnostic> validate(ClientDef client) {
            return List.of();
        }
    };
}

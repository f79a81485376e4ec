package dev.baml4j.emulator.internal;

/** Everything a request handler needs, shared by all connections. */
public record EmulatorState(Behaviour behaviour, CredentialStore store, SigV4Verifier verifier,
    EmulatorHooks hooks, StreamRegistry streams) {}

package dev.baml4j.bedrock.internal;

import static dev.baml4j.bedrock.internal.EmulatorFixture.client;
import static dev.baml4j.bedrock.internal.EmulatorFixture.cleanEnv;
import static dev.baml4j.bedrock.internal.EmulatorFixture.prompt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baml4j.emulator.BedrockEmulator;
import dev.baml4j.emulator.Credentials;
import dev.baml4j.emulator.RecordedRequest;
import dev.baml4j.emulator.junit.BedrockEmulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each credential source of the documented order, end to end: the SDK signs with what the source
 * gave, and the emulator verifies the signature.
 */
@ExtendWith(BedrockEmulatorExtension.class)
class CredentialSourcesEndToEndTest {

    private static final String KEY = Credentials.EXAMPLE_ACCESS_KEY_ID;
    private static final String SECRET = Credentials.EXAMPLE_SECRET_ACCESS_KEY;

    @TempDir
    Path dir;

    private static Map<String, Object> noKeys() {
        Map<String, Object> m = new HashMap<>();
        m.put("access_key_id", null);
        m.put("secret_access_key", null);
        return m;
    }

    private RecordedRequest callWith(BedrockEmulator emulator, Map<String, Object> options, Map<String, String> env) {
        assertThat(client(emulator, options, env, true).call(prompt("hi")).join().text()).isEqualTo("hi");
        RecordedRequest r = emulator.journal().requests("/converse").get(emulator.journal().requests("/converse").size() - 1);
        assertThat(r.signatureValid()).isTrue();
        return r;
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void environmentKeys(BedrockEmulator emulator) {
        RecordedRequest r = callWith(emulator, noKeys(), cleanEnv("AWS_ACCESS_KEY_ID", KEY, "AWS_SECRET_ACCESS_KEY", SECRET));
        assertThat(r.accessKeyId()).isEqualTo(KEY);
    }

    @Test
    void profileFileNamedByTheOption(BedrockEmulator emulator) throws IOException {
        Path creds = write("credentials", "[dev]\naws_access_key_id = " + KEY + "\naws_secret_access_key = " + SECRET + "\n");
        Map<String, Object> o = noKeys();
        o.put("profile", "dev");
        RecordedRequest r = callWith(emulator, o, cleanEnv("AWS_SHARED_CREDENTIALS_FILE", creds.toString()));
        assertThat(r.accessKeyId()).isEqualTo(KEY);
    }

    @Test
    void assumeRoleProfileThroughTheEmulatorsSts(BedrockEmulator emulator) throws IOException {
        Path config = write("config", "[profile base]\naws_access_key_id = " + KEY + "\naws_secret_access_key = " + SECRET
                + "\n[profile app]\nrole_arn = arn:aws:iam::123456789012:role/app\nsource_profile = base\nexternal_id = ext-1\n");
        RecordedRequest r = callWith(emulator, noKeys(), cleanEnv("AWS_CONFIG_FILE", config.toString(), "AWS_PROFILE", "app",
                "AWS_ENDPOINT_URL_STS", emulator.uri().toString()));
        assertThat(r.accessKeyId()).isNotEqualTo(KEY);
        assertThat(r.hasSessionToken()).isTrue();
        assertThat(emulator.journal().requests().stream().filter(x -> x.path().equals("/")).findFirst().orElseThrow().body())
                .contains("AssumeRole").contains("ext-1");
    }

    @Test
    void webIdentity(BedrockEmulator emulator) throws IOException {
        Path token = write("token", "header.payload.signature");
        RecordedRequest r = callWith(emulator, noKeys(), cleanEnv("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString(),
                "AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/web", "AWS_ENDPOINT_URL_STS", emulator.uri().toString()));
        assertThat(r.accessKeyId()).isNotEqualTo(KEY);
        assertThat(r.hasSessionToken()).isTrue();
    }

    @Test
    void containerCredentials(BedrockEmulator emulator) {
        RecordedRequest r = callWith(emulator, noKeys(), cleanEnv("AWS_CONTAINER_CREDENTIALS_FULL_URI",
                emulator.containerCredentialsUri().toString()));
        assertThat(r.hasSessionToken()).isTrue();
    }

    @Test
    void instanceMetadataV2(BedrockEmulator emulator) {
        Map<String, String> env = cleanEnv("AWS_EC2_METADATA_SERVICE_ENDPOINT", emulator.uri().toString());
        env.remove("AWS_EC2_METADATA_DISABLED");
        RecordedRequest r = callWith(emulator, noKeys(), env);
        assertThat(r.hasSessionToken()).isTrue();
        assertThat(emulator.journal().requests("/latest/api/token")).isNotEmpty();
    }

    @Test
    void credentialProcess(BedrockEmulator emulator) throws IOException {
        Path script = write("creds.sh", "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"" + KEY
                + "\", \"SecretAccessKey\": \"" + SECRET + "\"}'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path config = write("config", "[profile proc]\ncredential_process = " + script + "\n");
        Map<String, Object> o = noKeys();
        o.put("profile", "proc");
        RecordedRequest r = callWith(emulator, o, cleanEnv("AWS_CONFIG_FILE", config.toString()));
        assertThat(r.accessKeyId()).isEqualTo(KEY);
    }
}

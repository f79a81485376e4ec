package dev.baml4j.bedrock.internal;

import static dev.baml4j.bedrock.internal.TestClients.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baml4j.BamlConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** Credential, region and endpoint resolution from an env map and profile files; nothing leaves the JVM. */
class ResolutionTest {

    @TempDir
    Path dir;

    private Map<String, String> env(String... kv) {
        Map<String, String> m = new HashMap<>();
        m.put("HOME", dir.toString());
        m.put("AWS_EC2_METADATA_DISABLED", "true");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static BedrockOptions options(Map<String, Object> extra, Map<String, String> env) {
        OptionsReader.Result r = OptionsReader.read(with(extra), env);
        assertThat(r.diagnostics()).isEmpty();
        return r.options();
    }

    private static Map<String, Object> noKeys(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("access_key_id", null);
        m.put("secret_access_key", null);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void explicitKeysBeatEnvironmentKeys() {
        Map<String, String> env = env("AWS_ACCESS_KEY_ID", "AKIAENV", "AWS_SECRET_ACCESS_KEY", "envsecret", "AWS_SESSION_TOKEN", "envtoken");
        CredentialSource s = CredentialResolver.resolve(options(Map.of(), env), env, "us-east-1");
        AwsCredentials c = s.provider().resolveCredentials();
        assertThat(c.accessKeyId()).isEqualTo("AKIDEXAMPLE");
        assertThat(c).isNotInstanceOf(AwsSessionCredentials.class);
        assertThat(s.toString()).contains("explicit").doesNotContain("wJalr");
    }

    @Test
    void usesEnvironmentKeysWithSessionToken() {
        Map<String, String> env = env("AWS_ACCESS_KEY_ID", "AKIAENV", "AWS_SECRET_ACCESS_KEY", "envsecret", "AWS_SESSION_TOKEN", "envtoken");
        AwsCredentials c = CredentialResolver.resolve(options(noKeys(), env), env, "us-east-1").provider().resolveCredentials();
        assertThat(c.accessKeyId()).isEqualTo("AKIAENV");
        assertThat(((AwsSessionCredentials) c).sessionToken()).isEqualTo("envtoken");
    }

    @Test
    void rejectsAHalfSetEnvironmentPair() {
        Map<String, String> env = env("AWS_ACCESS_KEY_ID", "AKIAENV");
        assertThatThrownBy(() -> CredentialResolver.resolve(options(noKeys(), env), env, "us-east-1"))
                .isInstanceOf(BamlConfigException.class).hasMessageContaining("AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void explicitProfileBeatsEnvironmentKeysAndReadsFilesFromTheEnvMap() throws IOException {
        Path creds = write("creds", "[dev]\naws_access_key_id = AKIAPROFILE\naws_secret_access_key = profsecret\n");
        Map<String, String> env = env("AWS_SHARED_CREDENTIALS_FILE", creds.toString(),
                "AWS_ACCESS_KEY_ID", "AKIAENV", "AWS_SECRET_ACCESS_KEY", "envsecret");
        CredentialSource s = CredentialResolver.resolve(options(noKeys("profile", "dev"), env), env, "us-east-1");
        assertThat(s.provider().resolveCredentials().accessKeyId()).isEqualTo("AKIAPROFILE");
    }

    @Test
    void fallsBackToAwsProfileThenDefaultProfile() throws IOException {
        Path config = write("config", "[profile work]\nregion = eu-west-1\naws_access_key_id = AKIAWORK\n"
                + "aws_secret_access_key = s1\n[default]\nregion = ap-south-1\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = s2\n");
        Map<String, String> withProfile = env("AWS_CONFIG_FILE", config.toString(), "AWS_PROFILE", "work");
        BedrockOptions o = options(noKeys("region", null), withProfile);
        assertThat(CredentialResolver.resolve(o, withProfile, null).provider().resolveCredentials().accessKeyId()).isEqualTo("AKIAWORK");
        assertThat(ConnectionResolver.resolve(o, withProfile).region()).isEqualTo("eu-west-1");
        Map<String, String> plain = env("AWS_CONFIG_FILE", config.toString());
        assertThat(CredentialResolver.resolve(o, plain, null).provider().resolveCredentials().accessKeyId()).isEqualTo("AKIADEFAULT");
        assertThat(ConnectionResolver.resolve(o, plain).region()).isEqualTo("ap-south-1");
    }

    @Test
    void reportsAMissingProfileWhenCredentialsAreNeeded() {
        Map<String, String> env = env();
        CredentialSource s = CredentialResolver.resolve(options(noKeys("profile", "ghost"), env), env, "us-east-1");
        assertThatThrownBy(() -> s.provider().resolveCredentials()).hasMessageContaining("profile `ghost`")
                .hasMessageContaining("not found");
    }

    @Test
    void saysWhereItLookedWhenThereAreNoCredentials() {
        Map<String, String> env = env();
        CredentialSource s = CredentialResolver.resolve(options(noKeys(), env), env, "us-east-1");
        assertThatThrownBy(() -> s.provider().resolveCredentials()).hasMessageContaining("no AWS credentials found")
                .hasMessageContaining("Probe");
    }

    @Test
    void resolvesRegionInTheDocumentedOrder() {
        Map<String, String> env = env("AWS_REGION", "eu-central-1", "AWS_DEFAULT_REGION", "us-west-2");
        assertThat(ConnectionResolver.resolve(options(Map.of(), env), env).region()).isEqualTo("us-east-1");
        Map<String, Object> dropRegion = new HashMap<>();
        dropRegion.put("region", null);
        BedrockOptions noRegion = options(dropRegion, env);
        assertThat(ConnectionResolver.resolve(noRegion, env).region()).isEqualTo("eu-central-1");
        Map<String, String> onlyDefault = env("AWS_DEFAULT_REGION", "us-west-2", "AWS_REGION", "");
        assertThat(ConnectionResolver.resolve(noRegion, onlyDefault).region()).isEqualTo("us-west-2");
        assertThatThrownBy(() -> ConnectionResolver.resolve(noRegion, env())).isInstanceOf(BamlConfigException.class)
                .hasMessageContaining("no AWS region").hasMessageContaining("AWS_REGION");
    }

    @Test
    void resolvesEndpointInTheDocumentedOrder() {
        Map<String, String> env = env("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "http://127.0.0.1:1111",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:2222");
        assertThat(ConnectionResolver.resolve(options(Map.of("endpoint_url", "http://127.0.0.1:3333/"), env), env)
                .endpoint().toString()).isEqualTo("http://127.0.0.1:3333");
        assertThat(ConnectionResolver.resolve(options(Map.of(), env), env).endpoint().toString()).isEqualTo("http://127.0.0.1:1111");
        Map<String, String> general = env("AWS_ENDPOINT_URL", "http://127.0.0.1:2222");
        assertThat(ConnectionResolver.resolve(options(Map.of(), general), general).endpoint().toString()).isEqualTo("http://127.0.0.1:2222");
        assertThat(ConnectionResolver.resolve(options(Map.of(), env()), env()).endpoint().toString())
                .isEqualTo("https://bedrock-runtime.us-east-1.amazonaws.com");
        assertThatThrownBy(() -> ConnectionResolver.resolve(options(Map.of("endpoint_url", "not a url"), env()), env()))
                .isInstanceOf(BamlConfigException.class).hasMessageContaining("not a url");
    }
}

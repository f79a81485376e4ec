package dev.baml4j.bedrock.internal;

import static dev.baml4j.bedrock.internal.EmulatorFixture.client;
import static dev.baml4j.bedrock.internal.EmulatorFixture.cleanEnv;
import static dev.baml4j.bedrock.internal.EmulatorFixture.prompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baml4j.emulator.BedrockEmulator;
import dev.baml4j.emulator.Credentials;
import dev.baml4j.emulator.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSO profiles (the cached token under the env map's HOME, the portal at AWS_ENDPOINT_URL_SSO or
 * AWS_ENDPOINT_URL) and the region from instance metadata, end to end against the emulator. The
 * developer's own ~/.aws is never read or written: HOME points into a temporary directory.
 */
class SsoAndInstanceRegionEndToEndTest {

    private static final String SSO_TOKEN = "sso-access-token-from-aws-sso-login";

    @TempDir
    Path dir;

    private BedrockEmulator emulator;

    @BeforeEach
    void start() {
        emulator = BedrockEmulator.builder().credentials(Credentials.defaults().withSsoAccessToken(SSO_TOKEN)
                .withRegion("ap-southeast-2").withInstanceRegion("ap-southeast-2")).build().start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private static Map<String, Object> noKeys(boolean keepRegion) {
        Map<String, Object> m = new HashMap<>();
        m.put("access_key_id", null);
        m.put("secret_access_key", null);
        m.put("region", keepRegion ? "ap-southeast-2" : null);
        return m;
    }

    private Path home() throws IOException {
        return Files.createDirectories(dir.resolve("home"));
    }

    /** Writes what `aws sso login` caches: {@code ~/.aws/sso/cache/<sha1 of the session name or start URL>.json}. */
    private void cacheToken(String key, String token, Instant expiresAt) throws IOException {
        Path cache = Files.createDirectories(home().resolve(".aws/sso/cache"));
        Files.writeString(cache.resolve(SsoCredentials.sha1Hex(key) + ".json"), "{\"startUrl\": \"https://corp.awsapps.com/start\","
                + " \"region\": \"eu-west-1\", \"accessToken\": \"" + token + "\", \"expiresAt\": \"" + expiresAt + "\"}");
    }

    private Path config(String content) throws IOException {
        return Files.writeString(dir.resolve("config"), content);
    }

    private Map<String, String> env(Path config, String... kv) throws IOException {
        Map<String, String> env = cleanEnv(kv);
        env.put("HOME", home().toString());
        env.put("AWS_CONFIG_FILE", config.toString());
        return env;
    }

    private List<RecordedRequest> portalRequests() {
        return emulator.journal().requests().stream().filter(r -> r.path().startsWith("/federation/credentials")).toList();
    }

    private RecordedRequest lastConverse() {
        List<RecordedRequest> c = emulator.journal().requests("/converse");
        return c.get(c.size() - 1);
    }

    @Test
    void ssoSessionProfileSignsWithThePortalsCredentials() throws IOException {
        Path config = config("[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Developer\n"
                + "[sso-session corp]\nsso_region = eu-west-1\nsso_start_url = https://corp.awsapps.com/start\n"
                + "sso_registration_scopes = sso:account:access\n");
        cacheToken("corp", SSO_TOKEN, Instant.now().plusSeconds(3600));
        Map<String, String> env = env(config, "AWS_PROFILE", "dev", "AWS_ENDPOINT_URL_SSO", emulator.uri().toString());

        assertThat(client(emulator, noKeys(true), env, true).call(prompt("hi")).join().text()).isEqualTo("hi");

        List<RecordedRequest> portal = portalRequests();
        assertThat(portal).hasSize(1);
        assertThat(portal.get(0).path()).contains("account_id=111122223333").contains("role_name=Developer");
        assertThat(portal.get(0).header("x-amz-sso_bearer_token")).isEqualTo(SSO_TOKEN);
        assertThat(portal.get(0).rejection()).isNull();
        RecordedRequest converse = lastConverse();
        // The emulator accepts an ASIA key only with the session token it issued along with it, and only
        // the portal issued any here, so a valid signature means the SSO credentials were used.
        assertThat(converse.signatureValid()).isTrue();
        assertThat(converse.accessKeyId()).startsWith("ASIA").isNotEqualTo(Credentials.EXAMPLE_ACCESS_KEY_ID);
        assertThat(converse.hasSessionToken()).isTrue();
        assertThat(converse.region()).isEqualTo("ap-southeast-2");
    }

    @Test
    void legacyProfileFindsItsTokenByStartUrlAndThePortalThroughAwsEndpointUrl() throws IOException {
        Path config = config("[profile legacy]\nsso_start_url = https://legacy.awsapps.com/start\nsso_region = us-east-1\n"
                + "sso_account_id = 444455556666\nsso_role_name = ReadOnly\n");
        cacheToken("https://legacy.awsapps.com/start", SSO_TOKEN, Instant.now().plusSeconds(3600));
        Map<String, Object> o = noKeys(true);
        o.put("profile", "legacy");
        Map<String, String> env = env(config, "AWS_ENDPOINT_URL", emulator.uri().toString());

        assertThat(client(emulator, o, env, true).call(prompt("legacy")).join().text()).isEqualTo("legacy");

        assertThat(portalRequests()).singleElement().satisfies(r -> assertThat(r.path())
                .contains("account_id=444455556666").contains("role_name=ReadOnly"));
        assertThat(lastConverse().signatureValid()).isTrue();
        assertThat(lastConverse().hasSessionToken()).isTrue();
    }

    @Test
    void anExpiredCachedTokenAsksForALoginWithoutCallingThePortalOrShowingTheToken() throws IOException {
        Path config = config("[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Developer\n"
                + "[sso-session corp]\nsso_region = eu-west-1\nsso_start_url = https://corp.awsapps.com/start\n");
        cacheToken("corp", SSO_TOKEN, Instant.now().minusSeconds(60));
        Map<String, String> env = env(config, "AWS_PROFILE", "dev", "AWS_ENDPOINT_URL_SSO", emulator.uri().toString());

        assertThatThrownBy(() -> client(emulator, noKeys(true), env, true).call(prompt("hi")).join())
                .hasStackTraceContaining("expired").hasStackTraceContaining("aws sso login --sso-session corp")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(SSO_TOKEN));
        assertThat(portalRequests()).isEmpty();
        assertThat(emulator.journal().requests("/converse")).isEmpty();
    }

    @Test
    void aTokenThePortalRefusesFailsTheCallWithoutShowingTheToken() throws IOException {
        Path config = config("[profile dev]\nsso_session = other\nsso_account_id = 111122223333\nsso_role_name = Developer\n"
                + "[sso-session other]\nsso_region = eu-west-1\nsso_start_url = https://other.awsapps.com/start\n");
        cacheToken("other", "a-token-the-portal-does-not-know", Instant.now().plusSeconds(3600));
        Map<String, String> env = env(config, "AWS_PROFILE", "dev", "AWS_ENDPOINT_URL_SSO", emulator.uri().toString());

        assertThatThrownBy(() -> client(emulator, noKeys(true), env, true).call(prompt("hi")).join())
                .satisfies(e -> assertThat(stackTrace(e)).contains("Session token not found or invalid")
                        .doesNotContain("a-token-the-portal-does-not-know"));
        assertThat(portalRequests()).isNotEmpty().allSatisfy(r -> assertThat(r.rejection()).isNotNull());
        assertThat(emulator.journal().requests("/converse")).isEmpty();
    }

    @Test
    void regionComesFromInstanceMetadataWhenNothingElseNamesOne() throws IOException {
        // Keys from the env, no region anywhere: not in the options, the env or a profile.
        Map<String, String> env = cleanEnv("AWS_ACCESS_KEY_ID", Credentials.EXAMPLE_ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", Credentials.EXAMPLE_SECRET_ACCESS_KEY,
                "AWS_EC2_METADATA_SERVICE_ENDPOINT", emulator.uri().toString(), "HOME", home().toString());
        // Surefire sets AWS_EC2_METADATA_DISABLED=true for the process; only the env map's value counts.
        env.remove("AWS_EC2_METADATA_DISABLED");

        assertThat(client(emulator, noKeys(false), env, true).call(prompt("where")).join().text()).isEqualTo("where");

        assertThat(emulator.journal().requests("/latest/meta-data/placement/region")).isNotEmpty();
        RecordedRequest converse = lastConverse();
        assertThat(converse.signatureValid()).isTrue();
        assertThat(converse.region()).isEqualTo("ap-southeast-2");
        assertThat(converse.accessKeyId()).isEqualTo(Credentials.EXAMPLE_ACCESS_KEY_ID);
    }

    @Test
    void aProfileRegionBeatsInstanceMetadata() throws IOException {
        Path config = config("[default]\nregion = ap-southeast-2\n");
        Map<String, String> env = env(config, "AWS_ACCESS_KEY_ID", Credentials.EXAMPLE_ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", Credentials.EXAMPLE_SECRET_ACCESS_KEY,
                "AWS_EC2_METADATA_SERVICE_ENDPOINT", emulator.uri().toString());
        env.remove("AWS_EC2_METADATA_DISABLED");

        assertThat(client(emulator, noKeys(false), env, true).call(prompt("profile")).join().text()).isEqualTo("profile");

        assertThat(emulator.journal().requests("/latest/")).isEmpty();
        assertThat(lastConverse().region()).isEqualTo("ap-southeast-2");
    }

    @Test
    void withInstanceMetadataDisabledInTheEnvMapTheMissingRegionIsAConfigError() throws IOException {
        Map<String, String> env = cleanEnv("AWS_ACCESS_KEY_ID", Credentials.EXAMPLE_ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", Credentials.EXAMPLE_SECRET_ACCESS_KEY,
                "AWS_EC2_METADATA_SERVICE_ENDPOINT", emulator.uri().toString(), "HOME", home().toString());

        assertThatThrownBy(() -> client(emulator, noKeys(false), env, true).call(prompt("x")).join())
                .hasStackTraceContaining("no AWS region").hasStackTraceContaining("AWS_REGION");
        assertThat(emulator.journal().requests("/latest/")).isEmpty();
    }

    /** Every message and toString in the cause chain: where a leaked token would show. */
    private static String stackTrace(Throwable t) {
        StringBuilder out = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            out.append(c).append('\n');
        }
        return out.toString();
    }
}

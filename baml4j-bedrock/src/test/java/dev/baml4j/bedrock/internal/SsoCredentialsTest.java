package dev.baml4j.bedrock.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/** Reading SSO profiles and the token cache; nothing leaves the JVM. */
class SsoCredentialsTest {

    @TempDir
    Path dir;

    private ProfileFile config(String content) throws IOException {
        Path p = Files.writeString(dir.resolve("config"), content);
        return ProfileFile.builder().content(p).type(ProfileFile.Type.CONFIGURATION).build();
    }

    private static Profile profile(ProfileFile f, String name) {
        return f.profile(name).orElseThrow();
    }

    @Test
    void tokenFileIsTheSha1OfTheSessionNameOrTheStartUrlUnderTheEnvMapsHome() throws IOException {
        ProfileFile f = config("[profile a]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = R\n"
                + "[sso-session corp]\nsso_region = eu-west-1\nsso_start_url = https://corp.awsapps.com/start\n"
                + "[profile b]\nsso_start_url = https://legacy.awsapps.com/start\nsso_region = us-east-1\n"
                + "sso_account_id = 2\nsso_role_name = S\n");
        Map<String, String> env = Map.of("HOME", dir.toString());
        SsoCredentials.Settings a = SsoCredentials.settings(profile(f, "a"), f, env);
        assertThat(a.region()).isEqualTo("eu-west-1");
        assertThat(a.tokenFile()).isEqualTo(dir.resolve(".aws/sso/cache/ee0bfd2552fbd840c02cc48b6e823320543c450f.json"));
        SsoCredentials.Settings b = SsoCredentials.settings(profile(f, "b"), f, env);
        assertThat(b.region()).isEqualTo("us-east-1");
        assertThat(b.tokenFile().getFileName().toString()).isEqualTo("79e435d7a515078e81c9dffc35f38d5687ebd3a7.json");
    }

    @Test
    void aMissingSessionSectionOrPropertyIsNamed() throws IOException {
        ProfileFile f = config("[profile a]\nsso_session = nowhere\nsso_account_id = 1\nsso_role_name = R\n"
                + "[profile b]\nsso_start_url = https://x\nsso_region = us-east-1\nsso_account_id = 2\n");
        Map<String, String> env = Map.of("HOME", dir.toString());
        assertThatThrownBy(() -> SsoCredentials.settings(profile(f, "a"), f, env)).isInstanceOf(SdkClientException.class)
                .hasMessageContaining("[sso-session nowhere]");
        assertThatThrownBy(() -> SsoCredentials.settings(profile(f, "b"), f, env)).isInstanceOf(SdkClientException.class)
                .hasMessageContaining("sso_role_name").hasMessageContaining("aws configure sso --profile b");
    }

    @Test
    void readsTheCachedTokenAndRefusesMissingExpiredOrBrokenOnesWithoutShowingThem() throws IOException {
        ProfileFile f = config("[profile b]\nsso_start_url = https://x\nsso_region = us-east-1\n"
                + "sso_account_id = 2\nsso_role_name = S\n");
        SsoCredentials.Settings s = SsoCredentials.settings(profile(f, "b"), f, Map.of("HOME", dir.toString()));
        assertThatThrownBy(() -> SsoCredentials.accessToken(s)).hasMessageContaining("no cached SSO token")
                .hasMessageContaining("aws sso login --profile b");
        Files.createDirectories(s.tokenFile().getParent());
        Files.writeString(s.tokenFile(), "{\"accessToken\": \"tok-123\", \"expiresAt\": \"" + Instant.now().plusSeconds(60) + "\"}");
        assertThat(SsoCredentials.accessToken(s)).isEqualTo("tok-123");
        // Older CLIs wrote "UTC" instead of "Z".
        Files.writeString(s.tokenFile(), "{\"accessToken\": \"tok-123\", \"expiresAt\": \"2999-01-01T00:00:00UTC\"}");
        assertThat(SsoCredentials.accessToken(s)).isEqualTo("tok-123");
        Files.writeString(s.tokenFile(), "{\"accessToken\": \"tok-123\", \"expiresAt\": \"2001-01-01T00:00:00Z\"}");
        assertThatThrownBy(() -> SsoCredentials.accessToken(s)).hasMessageContaining("expired")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("tok-123"));
        Files.writeString(s.tokenFile(), "{\"accessToken\": \"tok-123\"}");
        assertThatThrownBy(() -> SsoCredentials.accessToken(s)).hasMessageContaining("no accessToken or expiresAt")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("tok-123"));
    }
}

package com.example.resume;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.resume.baml.BamlClient;
import com.example.resume.baml.Experience;
import com.example.resume.baml.PartialResume;
import com.example.resume.baml.Resume;
import com.example.resume.baml.Seniority;
import dev.baml4j.emulator.BedrockEmulator;
import dev.baml4j.emulator.Credentials;
import dev.baml4j.emulator.RecordedRequest;
import dev.baml4j.emulator.Reply;
import dev.baml4j.emulator.Rule;
import dev.baml4j.emulator.Rules;
import dev.baml4j.runtime.BamlRuntime;
import dev.baml4j.runtime.BamlStream;
import dev.baml4j.runtime.CallOptions;
import dev.baml4j.runtime.Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated client, end to end: BamlClient.create() loads the .baml files the plugin packaged,
 * calls go through the aws-bedrock provider (AWS SDK v2, SigV4) to the emulator on 127.0.0.1, and
 * the replies come back as the generated records.
 */
class ResumeClientTest {

    private static final String ADA = """
            Ada Lovelace (ada@example.com)
            Analyst, Analytical Engines Ltd, 1842-1852: wrote the first published algorithm.
            Skills: mathematics, programming""";

    private static final String REPLY = """
            Here is the resume:
            ```json
            {
              "name": "Ada Lovelace",
              "email": "ada@example.com",
              "seniority": "staff-plus",
              "skills": ["mathematics", "programming"],
              "experience": [
                {"company": "Analytical Engines Ltd", "title": "Analyst", "start_year": 1842, "end_year": 1852,
                 "highlights": ["wrote the first published algorithm"]}
              ]
            }
            ```""";

    private static BedrockEmulator emulator;
    private BamlClient client;

    @BeforeAll
    static void startEmulator() {
        emulator = BedrockEmulator.builder()
                .port(0)
                // First match wins: the ranking prompt mentions Ada too, so its rule comes first.
                .rules(Rules.of(
                        Rule.any().named("ranking").userMatches("Which of").reply(Reply.text("[\"programming\", \"mathematics\"]")),
                        Rule.any().named("resume").userMatches("Ada Lovelace").reply(Reply.text(REPLY).withDeltas(12))))
                .build()
                .start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void newClient() {
        emulator.reset();
        // The project reads BEDROCK_ENDPOINT_URL; credentials are the emulator's example keys. The
        // runtime gets exactly this environment instead of the process's, so a developer's own AWS
        // setup (profiles, session tokens, Bedrock API keys) cannot take part.
        BamlRuntime runtime = BamlRuntime.builder()
                .classpath("baml_src")
                .env(Map.of(
                        "BEDROCK_ENDPOINT_URL", emulator.uri().toString(),
                        "AWS_ACCESS_KEY_ID", Credentials.EXAMPLE_ACCESS_KEY_ID,
                        "AWS_SECRET_ACCESS_KEY", Credentials.EXAMPLE_SECRET_ACCESS_KEY))
                .build();
        client = BamlClient.create(runtime);
    }

    @Test
    void createLoadsTheBamlFilesThePluginPackaged() {
        // parse() needs no model and no environment: this is create() as an application calls it.
        Resume resume = BamlClient.create().parse().extractResume(REPLY);

        assertAda(resume);
    }

    @Test
    void withOptionsAppliesToEveryCall() {
        Collector collector = new Collector();
        BamlClient tagged = client.withOptions(CallOptions.builder().collector(collector).build());

        assertAda(tagged.extractResume(ADA));

        assertThat(collector.logs()).hasSize(1);
    }

    @Test
    void extractsATypedResume() {
        Resume resume = client.extractResume(ADA);

        assertAda(resume);
        RecordedRequest request = emulator.journal().last();
        assertThat(request.signatureValid()).isTrue();
        assertThat(request.path()).endsWith("/converse");
        assertThat(request.body()).contains("Ada Lovelace").contains("staff-plus");
    }

    @Test
    void extractsAsynchronously() throws Exception {
        Resume resume = client.async().extractResume(ADA).get(30, TimeUnit.SECONDS);

        assertAda(resume);
    }

    @Test
    void streamsPartialResumesThenTheFinalOne() {
        List<PartialResume> partials = new ArrayList<>();
        Resume done;
        try (BamlStream<PartialResume, Resume> stream = client.stream().extractResume(ADA)) {
            for (PartialResume p : stream) {
                partials.add(p);
            }
            done = stream.getFinalResponse();
        }

        assertAda(done);
        assertThat(emulator.journal().last().path()).endsWith("/converse-stream");
        assertThat(partials).isNotEmpty();
        // Lists are never null in partials, and the resume fills in as the text arrives.
        assertThat(partials).allSatisfy(p -> assertThat(p.skills()).isNotNull());
        assertThat(partials.get(partials.size() - 1).fullName()).isEqualTo("Ada Lovelace");
    }

    @Test
    void passesARecordAsAnArgument() {
        Resume ada = client.extractResume(ADA);

        List<String> ranked = client.rankSkills(ada, "compiler engineer");

        assertThat(ranked).containsExactly("programming", "mathematics");
        assertThat(emulator.journal().last().body()).contains("Ada Lovelace").contains("compiler engineer");
    }

    @Test
    void parsesTextWithoutCallingTheModel() {
        assertAda(client.parse().extractResume(REPLY));
        PartialResume partial = client.parseStream().extractResume("{\"name\": \"Ada Lo");
        assertThat(partial.fullName()).isEqualTo("Ada Lo");
        assertThat(partial.experience()).isEmpty();
        assertThat(emulator.journal().size()).isZero();
    }

    private static void assertAda(Resume resume) {
        assertThat(resume.fullName()).isEqualTo("Ada Lovelace");
        assertThat(resume.email()).isEqualTo("ada@example.com");
        assertThat(resume.seniority()).isEqualTo(Seniority.STAFF);
        assertThat(resume.seniority().alias()).isEqualTo("staff-plus");
        assertThat(resume.skills()).containsExactly("mathematics", "programming");
        Experience job = resume.experience().get(0);
        assertThat(job.company()).isEqualTo("Analytical Engines Ltd");
        assertThat(job.startYear()).isEqualTo(1842L);
        assertThat(job.endYear()).isEqualTo(1852L);
    }
}

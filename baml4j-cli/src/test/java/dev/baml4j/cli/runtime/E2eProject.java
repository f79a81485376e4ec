package dev.baml4j.cli.runtime;

import dev.baml4j.emulator.BedrockEmulator;
import dev.baml4j.emulator.Credentials;
import dev.baml4j.runtime.BamlRuntime;
import dev.baml4j.runtime.RuntimeClock;
import java.util.Map;

/**
 * The BAML project the end-to-end tests call, and a runtime pointed at an emulator. The runtime's
 * environment is exactly the map built here (never the developer's own AWS_* variables).
 */
final class E2eProject {

    static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
    static final String SONNET = "anthropic.claude-3-sonnet-20240229-v1:0";
    static final String TITAN = "amazon.titan-text-express-v1";

    static final String SOURCE = """
            retry_policy Twice {
              max_retries 2
              strategy {
                type constant_delay
                delay_ms 200
              }
            }

            retry_policy Backoff {
              max_retries 4
              strategy {
                type exponential_backoff
              }
            }

            client<llm> East {
              provider aws-bedrock
              retry_policy Twice
              options {
                model "%1$s"
                region "us-east-1"
                endpoint_url env.EMU
              }
            }

            client<llm> EastOnce {
              provider aws-bedrock
              options {
                model "%1$s"
                region "us-east-1"
                endpoint_url env.EMU
              }
            }

            client<llm> West {
              provider aws-bedrock
              options {
                model "%1$s"
                region "us-west-2"
                endpoint_url env.EMU
              }
            }

            client<llm> Unbuildable {
              provider aws-bedrock
              options {
                model "%1$s"
                region env.REGION_NOT_SET
                endpoint_url env.EMU
              }
            }

            client<llm> SkipsUnbuildable {
              provider fallback
              options {
                strategy [Unbuildable, West]
              }
            }

            client<llm> Hurried {
              provider fallback
              options {
                strategy [EastOnce]
                http {
                  total_timeout_ms 400
                }
              }
            }

            client<llm> HurriedThenWest {
              provider fallback
              options {
                strategy [Hurried, West]
              }
            }

            client<llm> AcrossRegions {
              provider fallback
              options {
                strategy [EastOnce, West]
              }
            }

            client<llm> Patient {
              provider aws-bedrock
              retry_policy Backoff
              options {
                model "%1$s"
                region "us-east-1"
                endpoint_url env.EMU
              }
            }

            client<llm> Strict {
              provider aws-bedrock
              retry_policy Twice
              options {
                model "%1$s"
                region "us-east-1"
                endpoint_url env.EMU
                finish_reason_allow_list ["end_turn", "stop_sequence"]
              }
            }

            client<llm> RrHaiku {
              provider aws-bedrock
              options {
                model "%1$s"
                region "us-east-1"
                endpoint_url env.EMU
              }
            }

            client<llm> RrSonnet {
              provider aws-bedrock
              options {
                model "%2$s"
                region "us-east-1"
                endpoint_url env.EMU
              }
            }

            client<llm> RrTitan {
              provider aws-bedrock
              options {
                model "%3$s"
                region "us-east-1"
                endpoint_url env.EMU
              }
            }

            client<llm> Rotation {
              provider round-robin
              options {
                strategy [RrHaiku, RrSonnet, RrTitan]
                start 0
              }
            }

            class Person {
              name string
              hobbies string[]
            }

            function Echo(text: string) -> string {
              client East
              prompt #"
                {{ _.role("user") }} {{ text }}
              "#
            }

            function Describe(text: string) -> Person {
              client EastOnce
              prompt #"
                {{ _.role("user") }} Describe {{ text }}.
                {{ ctx.output_format }}
              "#
            }
            """.formatted(HAIKU, SONNET, TITAN);

    private E2eProject() {
    }

    static Map<String, String> env(BedrockEmulator emulator) {
        return Map.of("EMU", emulator.uri().toString(),
                "AWS_ACCESS_KEY_ID", Credentials.EXAMPLE_ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", Credentials.EXAMPLE_SECRET_ACCESS_KEY);
    }

    static BamlRuntime runtime(BedrockEmulator emulator, RuntimeClock clock) {
        return BamlRuntime.builder().sources(Map.of("e2e.baml", SOURCE)).env(env(emulator)).clock(clock).build();
    }
}

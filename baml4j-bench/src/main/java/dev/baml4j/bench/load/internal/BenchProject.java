package dev.baml4j.bench.load.internal;

import java.net.URI;

/**
 * The BAML project and emulator rules every load scenario uses, so baml4j, the bare SDK and the
 * official runtime all send the same request and get the same reply.
 */
public final class BenchProject {
    /** The function under load. */
    public static final String FUNCTION = "ExtractTicket";
    /** The same function on a client whose replies drip slowly (the concurrency run). */
    public static final String SLOW_FUNCTION = "ExtractTicketSlowly";
    public static final String MODEL = "bench-model";
    public static final String SLOW_MODEL = "bench-drip";
    public static final String PING_MODEL = "bench-ping";
    /** Stream deltas of a normal reply. */
    public static final int DELTAS = 50;
    /** The argument of every call. */
    public static final String EMAIL = "Hi, the office printer on floor 3 has been on fire since this morning. "
            + "Please send someone, and a fire extinguisher. -- Ada";

    static final String REPLY = "Sure! Here is the ticket:\n```json\n{\n  \"title\": \"Printer on fire, floor 3\",\n"
            + "  \"priority\": \"HIGH\",\n  \"tags\": [\"hardware\", \"urgent\", \"facilities\", \"safety\"]\n}\n```";

    private BenchProject() {}

    /** The BAML source, with the emulator's address written in (no environment needed). */
    public static String baml(URI emulator) {
        return client("Bench", MODEL, emulator) + client("BenchDrip", SLOW_MODEL, emulator) + """
                enum Priority {
                  LOW
                  MEDIUM
                  HIGH @description("Something is broken for a customer right now")
                }

                class Ticket {
                  title string
                  priority Priority
                  tags string[]
                }

                function ExtractTicket(email: string) -> Ticket {
                  client Bench
                  prompt #"
                    {{ _.role("system") }}
                    You turn support emails into tickets.
                    {{ _.role("user") }}
                    {{ email }}

                    {{ ctx.output_format }}
                  "#
                }

                function ExtractTicketSlowly(email: string) -> Ticket {
                  client BenchDrip
                  prompt #"
                    {{ _.role("system") }}
                    You turn support emails into tickets.
                    {{ _.role("user") }}
                    {{ email }}

                    {{ ctx.output_format }}
                  "#
                }
                """;
    }

    private static String client(String name, String model, URI emulator) {
        return "client<llm> " + name + " {\n"
                + "  provider aws-bedrock\n"
                + "  options {\n"
                + "    model \"" + model + "\"\n"
                + "    region \"us-east-1\"\n"
                + "    endpoint_url \"" + emulator + "\"\n"
                + "    access_key_id \"" + FloorClient.ACCESS_KEY_ID + "\"\n"
                + "    secret_access_key \"" + FloorClient.SECRET_ACCESS_KEY + "\"\n"
                + "  }\n"
                + "}\n\n";
    }

    /**
     * Emulator rules: the normal reply in {@value #DELTAS} deltas; a slow drip (one delta every
     * {@code dripDelayMs}) for the concurrency run; and a tiny reply for the throughput run.
     */
    public static String rules(int dripDeltas, long dripDelayMs) {
        String text = jsonString(REPLY);
        return "{\"rules\": [\n"
                + "  {\"name\": \"drip\", \"match\": {\"model\": \"" + SLOW_MODEL + "\"}, \"reply\": {\"text\": " + text
                + ", \"deltas\": " + dripDeltas + ", \"deltaDelayMs\": " + dripDelayMs + "}},\n"
                + "  {\"name\": \"ping\", \"match\": {\"model\": \"" + PING_MODEL + "\"}, \"reply\": {\"text\": \"pong\"}},\n"
                + "  {\"name\": \"bench\", \"match\": {\"model\": \"" + MODEL + "\"}, \"reply\": {\"text\": " + text
                + ", \"deltas\": " + DELTAS + "}}\n"
                + "]}\n";
    }

    /** The request body to use when baml4j's own body cannot be captured (no runtime in this build). */
    public static String fallbackBody() {
        return "{\"system\":[{\"text\":\"You turn support emails into tickets.\"}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":" + jsonString(EMAIL
                + "\n\nAnswer in JSON using this schema:\n{\n  title: string,\n  priority: 'LOW' or 'MEDIUM' or 'HIGH',"
                + "\n  tags: string[],\n}") + "}]}]}";
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}

package dev.baml4j.bedrock.internal;

import dev.baml4j.BamlClientException;
import dev.baml4j.bedrock.internal.RoleNormalizer.Conversation;
import dev.baml4j.bedrock.internal.RoleNormalizer.Piece;
import dev.baml4j.bedrock.internal.RoleNormalizer.Turn;
import dev.baml4j.prompt.ChatPart;
import dev.baml4j.prompt.RenderedPrompt;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * A rendered prompt and a client's options → the SDK's {@link ConverseRequest} or
 * {@link ConverseStreamRequest}. Like the official runtime it always sends
 * {@code inferenceConfig} and {@code additionalModelRequestFields} (empty objects when unset) and
 * leaves {@code system} out when there is no system turn.
 */
public final class ConverseRequestFactory {

    /** The parts both request types share. */
    public record Parts(String modelId, List<Message> messages, List<SystemContentBlock> system,
            InferenceConfiguration inferenceConfig, Document additionalFields) {
    }

    /** Media downloads block; they run here, never on the caller's thread or an SDK event loop. */
    private static final ExecutorService DOWNLOADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "baml4j-bedrock-media");
        t.setDaemon(true);
        return t;
    });

    private ConverseRequestFactory() {
    }

    /** {@link #parts}, off the caller's thread when media must be downloaded first. */
    public static CompletableFuture<Parts> partsAsync(RenderedPrompt prompt, BedrockOptions options) {
        boolean downloads = prompt.messages().stream().flatMap(m -> m.parts().stream())
                .anyMatch(p -> p instanceof ChatPart.Media media && MediaMapper.needsDownload(media.media(), options));
        if (!downloads) {
            try {
                return CompletableFuture.completedFuture(parts(prompt, options));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return CompletableFuture.supplyAsync(() -> parts(prompt, options), DOWNLOADS);
    }

    public static Parts parts(RenderedPrompt prompt, BedrockOptions options) {
        Conversation c = RoleNormalizer.normalize(prompt.messages(), options);
        MediaMapper media = new MediaMapper(options);
        List<SystemContentBlock> system = new ArrayList<>();
        for (Piece p : c.system()) {
            if (p instanceof Piece.CachePoint) {
                system.add(SystemContentBlock.fromCachePoint(cachePoint()));
            } else if (((Piece.Part) p).part() instanceof ChatPart.Text t) {
                system.add(SystemContentBlock.fromText(t.text()));
            } else {
                throw new BamlClientException(options.clientName(), "client `" + options.clientName()
                        + "`: Bedrock accepts only text in the system prompt, but a system turn holds media "
                        + "(move the media into a user turn)", false, null);
            }
        }
        List<Message> messages = new ArrayList<>();
        for (Turn t : c.messages()) {
            List<ContentBlock> blocks = new ArrayList<>();
            for (Piece p : t.pieces()) {
                if (p instanceof Piece.CachePoint) {
                    blocks.add(ContentBlock.fromCachePoint(cachePoint()));
                } else if (((Piece.Part) p).part() instanceof ChatPart.Text text) {
                    blocks.add(ContentBlock.fromText(text.text()));
                } else {
                    blocks.add(media.toBlock(((ChatPart.Media) ((Piece.Part) p).part()).media()));
                }
            }
            messages.add(Message.builder().role(t.role()).content(blocks).build());
        }
        BedrockOptions.InferenceSettings s = options.inference();
        InferenceConfiguration.Builder inference = InferenceConfiguration.builder().maxTokens(s.maxTokens())
                .temperature(s.temperature()).topP(s.topP());
        if (s.stopSequences() != null) {
            inference.stopSequences(s.stopSequences());
        }
        return new Parts(options.model(), messages, system, inference.build(),
                document(options.additionalModelRequestFields()));
    }

    public static ConverseRequest converse(Parts p) {
        ConverseRequest.Builder b = ConverseRequest.builder().modelId(p.modelId()).messages(p.messages())
                .inferenceConfig(p.inferenceConfig()).additionalModelRequestFields(p.additionalFields());
        if (!p.system().isEmpty()) {
            b.system(p.system());
        }
        return b.build();
    }

    public static ConverseStreamRequest converseStream(Parts p) {
        ConverseStreamRequest.Builder b = ConverseStreamRequest.builder().modelId(p.modelId()).messages(p.messages())
                .inferenceConfig(p.inferenceConfig()).additionalModelRequestFields(p.additionalFields());
        if (!p.system().isEmpty()) {
            b.system(p.system());
        }
        return b.build();
    }

    private static CachePointBlock cachePoint() {
        return CachePointBlock.builder().type(CachePointType.DEFAULT).build();
    }

    /** JSON-like values → a smithy Document; numbers keep their exact value (no f32 here). */
    static Document document(Object value) {
        if (value == null) {
            return Document.fromNull();
        } else if (value instanceof String s) {
            return Document.fromString(s);
        } else if (value instanceof Boolean b) {
            return Document.fromBoolean(b);
        } else if (value instanceof BigInteger i) {
            return Document.fromNumber(SdkNumber.fromBigInteger(i));
        } else if (value instanceof BigDecimal d) {
            return Document.fromNumber(SdkNumber.fromBigDecimal(d));
        } else if (value instanceof Double d) {
            return Document.fromNumber(SdkNumber.fromDouble(d));
        } else if (value instanceof Number n) {
            return Document.fromNumber(SdkNumber.fromLong(n.longValue()));
        } else if (value instanceof List<?> list) {
            List<Document> docs = new ArrayList<>();
            for (Object o : list) {
                docs.add(document(o));
            }
            return Document.fromList(docs);
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Document> docs = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                docs.put(String.valueOf(e.getKey()), document(e.getValue()));
            }
            return Document.fromMap(docs);
        }
        return Document.fromString(String.valueOf(value));
    }
}

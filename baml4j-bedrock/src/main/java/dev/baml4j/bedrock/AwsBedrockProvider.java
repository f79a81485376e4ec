package dev.baml4j.bedrock;

import dev.baml4j.BamlConfigException;
import dev.baml4j.bedrock.internal.BedrockLlmClient;
import dev.baml4j.bedrock.internal.BedrockOptions;
import dev.baml4j.bedrock.internal.ConnectionResolver;
import dev.baml4j.bedrock.internal.CredentialResolver;
import dev.baml4j.bedrock.internal.CredentialSource;
import dev.baml4j.bedrock.internal.OptionsReader;
import dev.baml4j.bedrock.internal.SdkClients;
import dev.baml4j.lang.ClientDef;
import dev.baml4j.lang.Diagnostic;
import dev.baml4j.provider.ClientContext;
import dev.baml4j.provider.LlmClient;
import dev.baml4j.provider.LlmProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * BAML's {@code aws-bedrock} provider on the AWS SDK for Java v2: Converse and ConverseStream,
 * the documented credential, region and endpoint rules, and one shared SDK client per resolved
 * connection. Found through {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * client<llm> Claude {
 *   provider aws-bedrock
 *   options { model "anthropic.claude-3-haiku-20240307-v1:0" region "us-east-1" }
 * }
 * }</pre>
 */
public final class AwsBedrockProvider implements LlmProvider {

    /** Built clients by (client, env, retry ownership): a runtime may call {@link #create} per call. */
    private static final Map<List<Object>, LlmClient> CLIENTS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 4096;

    @Override
    public String name() {
        return "aws-bedrock";
    }

    @Override
    public List<Diagnostic> validate(ClientDef client) {
        return OptionsReader.validate(client);
    }

    @Override
    public LlmClient create(ClientDef client, ClientContext context) {
        List<Object> key = List.of(client, context.env(), context.retriesOwnedByPolicy());
        LlmClient cached = CLIENTS.get(key);
        if (cached != null) {
            return cached;
        }
        LlmClient built = build(client, context);
        if (CLIENTS.size() >= MAX_CACHED) {
            CLIENTS.clear();
        }
        CLIENTS.put(key, built);
        return built;
    }

    private static LlmClient build(ClientDef client, ClientContext context) {
        OptionsReader.Result result = OptionsReader.read(client, context.env());
        if (result.options() == null) {
            throw new BamlConfigException(result.diagnostics());
        }
        BedrockOptions options = result.options();
        ConnectionResolver.Connection connection = ConnectionResolver.resolve(options, context.env());
        CredentialSource credentials = CredentialResolver.resolve(options, context.env(), connection.region());
        var sdk = SdkClients.get(connection, credentials, context.retriesOwnedByPolicy(),
                options.http().connectTimeoutMs(), context.env());
        return new BedrockLlmClient(options, connection, credentials, sdk);
    }
}

package dev.baml4j.emulator.junit;

import dev.baml4j.emulator.BedrockEmulator;
import dev.baml4j.emulator.Credentials;
import dev.baml4j.emulator.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test method (or a constructor / lifecycle method) a started {@link BedrockEmulator}; the
 * emulator stops when the test ends. Rules and credentials come from {@link EmulatorConfig} on the
 * method or class (classpath resources), else the echo default and the AWS example keys.
 *
 * <pre>{@code
 * @ExtendWith(BedrockEmulatorExtension.class)
 * class MyTest {
 *   @Test
 *   void answers(BedrockEmulator emulator) {
 *     // point the SDK at emulator.uri()
 *   }
 * }
 * }</pre>
 */
public final class BedrockEmulatorExtension implements ParameterResolver, AfterEachCallback {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BedrockEmulatorExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == BedrockEmulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NS);
    BedrockEmulator existing = store.get(BedrockEmulator.class, BedrockEmulator.class);
    if (existing != null) {
      return existing;
    }
    BedrockEmulator emulator = create(context).start();
    store.put(BedrockEmulator.class, emulator);
    return emulator;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    BedrockEmulator emulator = context.getStore(NS).remove(BedrockEmulator.class, BedrockEmulator.class);
    if (emulator != null) {
      emulator.close();
    }
  }

  private static BedrockEmulator create(ExtensionContext context) {
    BedrockEmulator.Builder b = BedrockEmulator.builder();
    Optional<EmulatorConfig> config = context.getTestMethod().map(m -> m.getAnnotation(EmulatorConfig.class))
        .or(() -> context.getTestClass().map(c -> c.getAnnotation(EmulatorConfig.class)));
    if (config.isPresent()) {
      Class<?> owner = context.getRequiredTestClass();
      if (!config.get().rules().isEmpty()) {
        b.rules(Rules.fromJson(resource(owner, config.get().rules()), config.get().rules()));
      }
      if (!config.get().credentials().isEmpty()) {
        b.credentials(Credentials.fromJson(resource(owner, config.get().credentials()), config.get().credentials()));
      }
    }
    return b.build();
  }

  private static String resource(Class<?> owner, String name) {
    String path = name.startsWith("/") ? name : "/" + name;
    try (InputStream in = owner.getResourceAsStream(path)) {
      if (in == null) {
        throw new ParameterResolutionException("@EmulatorConfig: no classpath resource " + path
            + " (put it under src/test/resources)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ParameterResolutionException("@EmulatorConfig: cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}

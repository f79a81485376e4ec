package dev.baml4j.emulator.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Rules and credentials for the emulator {@link BedrockEmulatorExtension} injects, as classpath
 * resources (JSON, see the module README).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface EmulatorConfig {
  /** A rules file on the classpath, e.g. {@code "emulator/rules.json"}; empty for the echo default. */
  String rules() default "";

  /** A credentials file on the classpath; empty for the AWS example keys. */
  String credentials() default "";
}

package dev.baml4j.emulator;

import java.util.Map;

/** The statuses and default messages Bedrock uses for its error types (spec/README.md). */
final class ErrorTypes {
  private static final Map<String, Integer> STATUS = Map.ofEntries(
      Map.entry("ValidationException", 400),
      Map.entry("AccessDeniedException", 403),
      Map.entry("UnrecognizedClientException", 403),
      Map.entry("ResourceNotFoundException", 404),
      Map.entry("ModelTimeoutException", 408),
      Map.entry("ModelErrorException", 424),
      Map.entry("ThrottlingException", 429),
      Map.entry("ModelNotReadyException", 429),
      Map.entry("ServiceQuotaExceededException", 400),
      Map.entry("InternalServerException", 500),
      Map.entry("ServiceUnavailableException", 503));

  private static final Map<String, String> MESSAGE = Map.ofEntries(
      Map.entry("ValidationException", "Malformed input request, please reformat your input and try again."),
      Map.entry("AccessDeniedException", "You don't have access to the model with the specified model ID."),
      Map.entry("ResourceNotFoundException", "Could not resolve the foundation model."),
      Map.entry("ModelTimeoutException", "Model has timed out in processing the request."),
      Map.entry("ModelErrorException", "The model returned an error."),
      Map.entry("ThrottlingException", "Too many requests, please wait before trying again."),
      Map.entry("throttlingException", "Too many tokens, please wait before trying again."),
      Map.entry("InternalServerException", "Internal server error"),
      Map.entry("ServiceUnavailableException", "Service unavailable"));

  private ErrorTypes() {}

  static int statusOf(String errorType) {
    if (errorType == null) {
      return 500;
    }
    String key = Character.toUpperCase(errorType.charAt(0)) + errorType.substring(1);
    return STATUS.getOrDefault(key, 400);
  }

  static String defaultMessage(String errorType, Integer status) {
    if (errorType != null && MESSAGE.containsKey(errorType)) {
      return MESSAGE.get(errorType);
    }
    return errorType != null ? errorType : "HTTP " + (status == null ? 500 : status);
  }
}

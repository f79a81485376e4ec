package dev.baml4j.bedrock.internal;

import dev.baml4j.BamlClientException;
import dev.baml4j.BamlClientHttpException;
import dev.baml4j.BamlException;
import dev.baml4j.BamlTimeoutException;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * SDK failures → baml4j exceptions: the real HTTP status, the AWS error code, the request id and
 * the raw body; the documentation's troubleshooting hints; retryable = throttling, 5xx, timeouts
 * and connection failures. Messages come from the SDK and from here, never from credentials.
 */
public final class ErrorMapper {

    private static final Set<String> RETRYABLE_CODES = Set.of("throttlingexception", "servicequotaexceededexception",
            "serviceunavailableexception", "internalserverexception", "modelnotreadyexception",
            "modelstreamerrorexception", "modeltimeoutexception", "toomanyrequestsexception");

    private ErrorMapper() {
    }

    public static BamlException map(String client, Throwable error) {
        Throwable t = unwrap(error);
        if (t instanceof BamlException b) {
            return b;
        }
        if (t instanceof AwsServiceException ase) {
            AwsErrorDetails d = ase.awsErrorDetails();
            String code = d == null ? null : d.errorCode();
            int status = ase.statusCode();
            String raw = d == null || d.rawResponse() == null ? null : d.rawResponse().asUtf8String();
            String awsMessage = d != null && d.errorMessage() != null ? d.errorMessage() : ase.getMessage();
            boolean retryable = status == 429 || status >= 500
                    || (code != null && RETRYABLE_CODES.contains(code.toLowerCase(Locale.ROOT)))
                    || ase.isThrottlingException();
            String message = "client `" + client + "`: Bedrock returned " + (status > 0 ? "HTTP " + status + " " : "")
                    + (code == null ? ase.getClass().getSimpleName() : code) + ": " + awsMessage
                    + (ase.requestId() == null ? "" : " (request id " + ase.requestId() + ")") + hint(code, awsMessage);
            return new BamlClientHttpException(client, message, status, code != null ? code : ase.getClass().getSimpleName(),
                    ase.requestId(), raw, retryable, ase);
        }
        if (isTimeout(t)) {
            return new BamlTimeoutException(client, "client `" + client + "`: request timed out: " + t.getMessage(), t);
        }
        boolean connection = causedByIo(t);
        String message = "client `" + client + "`: " + (connection ? "connection to Bedrock failed: " : "")
                + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        return new BamlClientException(client, message, connection, t);
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof SdkClientException && t.getCause() instanceof BamlException b) {
            return b;
        }
        return t;
    }

    private static boolean isTimeout(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ApiCallTimeoutException || c instanceof ApiCallAttemptTimeoutException
                    || c instanceof TimeoutException || c instanceof java.net.SocketTimeoutException
                    || c.getClass().getSimpleName().equals("ReadTimeoutException")
                    || c.getClass().getSimpleName().equals("ConnectTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedByIo(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** The troubleshooting advice of the BAML provider documentation, matched on code and text. */
    static String hint(String code, String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
        if (m.contains("not supported in this region") || m.contains("isn't supported in this region")
                || m.contains("not available in this region")) {
            return ". Hint: check that the model is available in this region, request model access, or use another region.";
        }
        if (m.contains("not authorized to use") || m.contains("don't have access to the model")
                || m.contains("do not have access to the model")) {
            return ". Hint: request model access in the Bedrock console, wait for approval, and verify the model id.";
        }
        if (c.startsWith("accessdenied")) {
            return ". Hint: check the IAM permissions (bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream), "
                    + "the execution role in Lambda/ECS, and that the credentials have Bedrock access.";
        }
        if (c.startsWith("unrecognizedclient") || m.contains("security token included in the request is invalid")) {
            return ". Hint: check that the credentials are set correctly, whether a session token is needed, "
                    + "and that they have not expired.";
        }
        return "";
    }
}

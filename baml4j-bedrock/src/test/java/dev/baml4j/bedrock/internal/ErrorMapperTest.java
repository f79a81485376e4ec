package dev.baml4j.bedrock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baml4j.BamlClientException;
import dev.baml4j.BamlClientHttpException;
import dev.baml4j.BamlException;
import dev.baml4j.BamlTimeoutException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

class ErrorMapperTest {

    private static AwsErrorDetails details(String code, String message) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(message)
                .rawResponse(SdkBytes.fromUtf8String("{\"message\":\"" + message + "\"}")).build();
    }

    @Test
    void keepsStatusCodeRequestIdAndBody() {
        BamlException e = ErrorMapper.map("Probe", new CompletionException(ValidationException.builder().statusCode(400)
                .requestId("req-1").awsErrorDetails(details("ValidationException", "bad input")).build()));
        BamlClientHttpException h = (BamlClientHttpException) e;
        assertThat(h.statusCode()).isEqualTo(400);
        assertThat(h.errorCode()).isEqualTo("ValidationException");
        assertThat(h.requestId()).isEqualTo("req-1");
        assertThat(h.rawBody()).contains("bad input");
        assertThat(h.clientName()).isEqualTo("Probe");
        assertThat(h.isRetryable()).isFalse();
        assertThat(h.getMessage()).contains("Probe").contains("400").contains("bad input");
    }

    @Test
    void classifiesThrottlingAndServerErrorsAsRetryable() {
        assertThat(ErrorMapper.map("c", ThrottlingException.builder().statusCode(429)
                .awsErrorDetails(details("ThrottlingException", "slow down")).build()).getClass()).isEqualTo(BamlClientHttpException.class);
        assertThat(((BamlClientException) ErrorMapper.map("c", ThrottlingException.builder().statusCode(429)
                .awsErrorDetails(details("ThrottlingException", "slow down")).build())).isRetryable()).isTrue();
        assertThat(((BamlClientException) ErrorMapper.map("c", BedrockRuntimeException.builder().statusCode(503)
                .awsErrorDetails(details("ServiceUnavailableException", "x")).build())).isRetryable()).isTrue();
        // In-stream exceptions have no HTTP status of their own; the AWS type decides.
        assertThat(((BamlClientHttpException) ErrorMapper.map("c", BedrockRuntimeException.builder()
                .awsErrorDetails(details("modelStreamErrorException", "x")).build())).isRetryable()).isTrue();
    }

    @Test
    void mapsTimeoutsAndConnectionFailures() {
        assertThat(ErrorMapper.map("c", ApiCallTimeoutException.create(100))).isInstanceOf(BamlTimeoutException.class);
        BamlException conn = ErrorMapper.map("c", SdkClientException.create("Unable to execute", new ConnectException("refused")));
        assertThat(conn).isInstanceOf(BamlClientException.class);
        assertThat(((BamlClientException) conn).isRetryable()).isTrue();
        BamlException creds = ErrorMapper.map("c", SdkClientException.create("no AWS credentials found"));
        assertThat(((BamlClientException) creds).isRetryable()).isFalse();
    }

    @Test
    void addsTheDocumentedTroubleshootingHints() {
        assertThat(ErrorMapper.map("c", AccessDeniedException.builder().statusCode(403).awsErrorDetails(
                details("AccessDeniedException", "User is not authorized to perform bedrock:InvokeModel")).build()).getMessage())
                .contains("IAM permissions");
        assertThat(ErrorMapper.map("c", BedrockRuntimeException.builder().statusCode(403).awsErrorDetails(
                details("UnrecognizedClientException", "The security token included in the request is invalid.")).build()).getMessage())
                .contains("session token is needed");
        assertThat(ErrorMapper.map("c", ValidationException.builder().statusCode(400).awsErrorDetails(
                details("ValidationException", "The provided model identifier is not supported in this region.")).build()).getMessage())
                .contains("another region");
        assertThat(ErrorMapper.map("c", AccessDeniedException.builder().statusCode(403).awsErrorDetails(
                details("AccessDeniedException", "Your account is not authorized to use model x")).build()).getMessage())
                .contains("request model access");
    }
}

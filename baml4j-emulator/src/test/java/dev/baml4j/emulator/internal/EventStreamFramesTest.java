package dev.baml4j.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/** Our frame encoder against the AWS SDK's own event-stream codec. */
class EventStreamFramesTest {
  private static byte[] bytes(ByteBuf buf) {
    try {
      return ByteBufUtil.getBytes(buf);
    } finally {
      buf.release();
    }
  }

  @Test
  void eventFramesAreByteForByteWhatTheSdkEncodes() {
    byte[] payload = "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"hé\"}}".getBytes(StandardCharsets.UTF_8);
    Map<String, HeaderValue> headers = new LinkedHashMap<>();
    headers.put(":event-type", HeaderValue.fromString("contentBlockDelta"));
    headers.put(":content-type", HeaderValue.fromString("application/json"));
    headers.put(":message-type", HeaderValue.fromString("event"));
    byte[] expected = new Message(headers, payload).toByteBuffer().array();

    byte[] ours = bytes(EventStreamFrames.event(UnpooledByteBufAllocator.DEFAULT, "contentBlockDelta", payload));

    assertThat(ours).isEqualTo(expected);
    Message decoded = Message.decode(ByteBuffer.wrap(ours));
    assertThat(decoded.getHeaders().get(":event-type").getString()).isEqualTo("contentBlockDelta");
    assertThat(decoded.getPayload()).isEqualTo(payload);
  }

  @Test
  void exceptionFramesCarryTheExceptionType() {
    byte[] ours = bytes(EventStreamFrames.exception(UnpooledByteBufAllocator.DEFAULT, "throttlingException",
        "{\"message\":\"slow\"}".getBytes(StandardCharsets.UTF_8)));
    Message decoded = Message.decode(ByteBuffer.wrap(ours));
    assertThat(decoded.getHeaders().get(":message-type").getString()).isEqualTo("exception");
    assertThat(decoded.getHeaders().get(":exception-type").getString()).isEqualTo("throttlingException");
  }

  @Test
  void theSdkRejectsACorruptedMessageCrc() {
    byte[] ours = bytes(EventStreamFrames.event(UnpooledByteBufAllocator.DEFAULT, "messageStart",
        "{\"role\":\"assistant\"}".getBytes(StandardCharsets.UTF_8)));
    ours[ours.length - 1] ^= 0x5a;
    assertThatThrownBy(() -> Message.decode(ByteBuffer.wrap(ours))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void deltaCutsNeverSplitSurrogatePairs() {
    String text = "a😀b😀c";
    int[] cuts = StreamSession.cuts(text, 5);
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      String piece = text.substring(cuts[i], cuts[i + 1]);
      assertThat(piece.codePoints().count()).isEqualTo(1);
      joined.append(piece);
    }
    assertThat(joined.toString()).isEqualTo(text);
    assertThat(StreamSession.cuts("ab", 4)).containsExactly(0, 0, 1, 1, 2);
  }
}

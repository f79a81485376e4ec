package dev.baml4j.emulator.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Encodes {@code application/vnd.amazon.eventstream} messages: a prelude (total length, headers
 * length, CRC32 of those 8 bytes), string headers, the payload, then a CRC32 of everything before.
 */
public final class EventStreamFrames {
  private static final byte STRING_TYPE = 7;

  private EventStreamFrames() {}

  /** An {@code event} message with a JSON payload. */
  public static ByteBuf event(ByteBufAllocator alloc, String eventType, byte[] payload) {
    return encode(alloc, payload, ":event-type", eventType, ":content-type", "application/json",
        ":message-type", "event");
  }

  /** An {@code exception} message, e.g. {@code throttlingException} with {@code {"message": ...}}. */
  public static ByteBuf exception(ByteBufAllocator alloc, String exceptionType, byte[] payload) {
    return encode(alloc, payload, ":exception-type", exceptionType, ":content-type", "application/json",
        ":message-type", "exception");
  }

  /** A message with these string headers (name, value, name, value...) and payload. */
  public static ByteBuf encode(ByteBufAllocator alloc, byte[] payload, String... headers) {
    byte[][] encoded = new byte[headers.length][];
    int headersLength = 0;
    for (int i = 0; i < headers.length; i++) {
      encoded[i] = headers[i].getBytes(StandardCharsets.UTF_8);
      headersLength += i % 2 == 0 ? 1 + encoded[i].length : 1 + 2 + encoded[i].length;
    }
    int total = 12 + headersLength + payload.length + 4;
    ByteBuf buf = alloc.buffer(total);
    buf.writeInt(total);
    buf.writeInt(headersLength);
    buf.writeInt((int) crc(buf, 0, 8));
    for (int i = 0; i < encoded.length; i += 2) {
      buf.writeByte(encoded[i].length);
      buf.writeBytes(encoded[i]);
      buf.writeByte(STRING_TYPE);
      buf.writeShort(encoded[i + 1].length);
      buf.writeBytes(encoded[i + 1]);
    }
    buf.writeBytes(payload);
    buf.writeInt((int) crc(buf, 0, buf.writerIndex()));
    return buf;
  }

  private static long crc(ByteBuf buf, int from, int length) {
    CRC32 crc = new CRC32();
    crc.update(buf.nioBuffer(from, length));
    return crc.getValue();
  }
}

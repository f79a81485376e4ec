package dev.baml4j.bench.load.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawConverseLoadTest {

    @Test
    void readsBackToBackResponsesWithContentLengthAndChunkedBodies() throws IOException {
        InputStream in = stream("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"
                + "HTTP/1.1 403 Forbidden\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n"
                + "HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n");
        assertThat(RawConverseLoad.readResponse(in)).isEqualTo(200);
        assertThat(RawConverseLoad.readResponse(in)).isEqualTo(403);
        assertThat(RawConverseLoad.readResponse(in)).isEqualTo(200);
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void aClosedConnectionIsAnError() {
        assertThatThrownBy(() -> RawConverseLoad.readResponse(stream("HTTP/1.1 200 OK\r\nContent-Len")))
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> RawConverseLoad.readResponse(stream("HTTP/1.1 200 OK\r\n\r\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("Content-Length");
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }
}

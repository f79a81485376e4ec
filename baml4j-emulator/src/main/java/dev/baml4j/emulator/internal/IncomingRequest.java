package dev.baml4j.emulator.internal;

import dev.baml4j.emulator.RecordedRequest;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request copied out of Netty's buffers (so it outlives them).
 *
 * @param headers by lower-case name, in arrival order; the HTTP/2 bridge's own
 *     {@code x-http2-*} headers are left out
 */
record IncomingRequest(String method, String uri, String httpVersion, Map<String, List<String>> headers,
    byte[] body, boolean keepAlive) {

  static IncomingRequest of(FullHttpRequest req, boolean http2) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> h : req.headers()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (name.startsWith("x-http2-")) {
        continue;
      }
      headers.computeIfAbsent(name, k -> new ArrayList<>(1)).add(h.getValue());
    }
    headers.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return new IncomingRequest(req.method().name(), req.uri(), http2 ? "HTTP/2" : "HTTP/1.1", headers,
        ByteBufUtil.getBytes(req.content()), http2 || HttpUtil.isKeepAlive(req));
  }

  String path() {
    return BedrockPaths.stripQuery(uri);
  }

  String header(String name) {
    return SigV4Verifier.first(headers, name);
  }

  RecordedRequest toRecord(SigV4Verifier.Result sig, String rejection) {
    // The header lists are read-only views already: no copy needed for the journal.
    return new RecordedRequest(Instant.now(), method, uri, httpVersion, Collections.unmodifiableMap(headers),
        new String(body, StandardCharsets.UTF_8), sig == null ? null : sig.valid(),
        sig == null ? null : sig.accessKeyId(), sig == null ? null : sig.region(),
        sig == null ? null : sig.service(), rejection);
  }
}

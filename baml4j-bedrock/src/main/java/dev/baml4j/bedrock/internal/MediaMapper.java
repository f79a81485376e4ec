package dev.baml4j.bedrock.internal;

import dev.baml4j.BamlClientException;
import dev.baml4j.types.BamlType;
import dev.baml4j.types.BamlValue.MediaValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentFormat;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentSource;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageSource;
import software.amazon.awssdk.services.bedrockruntime.model.S3Location;
import software.amazon.awssdk.services.bedrockruntime.model.VideoBlock;
import software.amazon.awssdk.services.bedrockruntime.model.VideoSource;

/**
 * Media parts → Converse blocks: images, PDFs ({@code document}, one unique name each) and videos,
 * as bytes or {@code s3://} locations, following {@code media_url_handler}. Audio is refused before
 * anything is downloaded, because Converse has no audio block.
 */
final class MediaMapper {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private final BedrockOptions options;
    private int documents;

    MediaMapper(BedrockOptions options) {
        this.options = options;
    }

    /** Whether turning this media into a block means fetching a URL (http(s) under a base64 mode). */
    static boolean needsDownload(MediaValue media, BedrockOptions options) {
        if (media.source() != MediaValue.MediaSource.URL || media.kind() == BamlType.MediaKind.AUDIO) {
            return false;
        }
        String url = media.data();
        return !url.startsWith("s3://") && !url.startsWith("data:")
                && !options.mediaMode(media.kind().keyword()).startsWith("send_url");
    }

    ContentBlock toBlock(MediaValue media) {
        if (media.kind() == BamlType.MediaKind.AUDIO) {
            throw fail("Bedrock Converse does not accept audio input", "send a transcript as text instead");
        }
        String kind = media.kind().keyword();
        String mode = options.mediaMode(kind);
        boolean s3 = media.source() == MediaValue.MediaSource.URL && media.data().startsWith("s3://");
        if (s3 || (media.source() == MediaValue.MediaSource.URL && mode.startsWith("send_url")
                && !media.data().startsWith("data:"))) {
            if (!s3) {
                throw fail("Bedrock takes media URLs only as s3:// locations, got " + media.data(),
                        "set media_url_handler { " + kind + " \"send_base64\" } to download and inline it");
            }
            return s3Block(media);
        }
        Bytes b = bytes(media);
        return bytesBlock(media.kind(), b);
    }

    private ContentBlock s3Block(MediaValue media) {
        S3Location loc = S3Location.builder().uri(media.data()).build();
        switch (media.kind()) {
            case IMAGE:
                return ContentBlock.fromImage(ImageBlock.builder().format(subtype(media.mediaType(), "image"))
                        .source(ImageSource.fromS3Location(loc)).build());
            case VIDEO:
                return ContentBlock.fromVideo(VideoBlock.builder().format(subtype(media.mediaType(), "video"))
                        .source(VideoSource.fromS3Location(loc)).build());
            default:
                return ContentBlock.fromDocument(DocumentBlock.builder().format(DocumentFormat.PDF).name(nextName())
                        .source(DocumentSource.fromS3Location(loc)).build());
        }
    }

    private ContentBlock bytesBlock(BamlType.MediaKind kind, Bytes b) {
        SdkBytes bytes = SdkBytes.fromByteArray(b.data());
        switch (kind) {
            case IMAGE:
                return ContentBlock.fromImage(ImageBlock.builder().format(subtype(b.mimeType(), "image"))
                        .source(ImageSource.fromBytes(bytes)).build());
            case VIDEO:
                return ContentBlock.fromVideo(VideoBlock.builder().format(subtype(b.mimeType(), "video"))
                        .source(VideoSource.fromBytes(bytes)).build());
            default:
                return ContentBlock.fromDocument(DocumentBlock.builder().format(DocumentFormat.PDF).name(nextName())
                        .source(DocumentSource.fromBytes(bytes)).build());
        }
    }

    /** Bedrock wants document names unique within a request. */
    private String nextName() {
        documents++;
        return documents == 1 ? "document" : "document-" + documents;
    }

    private record Bytes(byte[] data, String mimeType) {
    }

    private Bytes bytes(MediaValue media) {
        switch (media.source()) {
            case BASE64:
                return new Bytes(decode(media.data()), mime(media.mediaType(), null));
            case FILE:
                try {
                    byte[] data = Files.readAllBytes(Path.of(media.data()));
                    return new Bytes(data, mime(media.mediaType(), extensionMime(media)));
                } catch (IOException e) {
                    throw fail("cannot read media file " + media.data() + ": " + e.getMessage(), "check the path");
                }
            default:
                String url = media.data();
                if (url.startsWith("data:")) {
                    int comma = url.indexOf(',');
                    String header = url.substring(5, Math.max(5, comma));
                    String mime = header.contains(";") ? header.substring(0, header.indexOf(';')) : header;
                    return new Bytes(decode(url.substring(comma + 1)), mime(media.mediaType(), mime.isEmpty() ? null : mime));
                }
                return download(media);
        }
    }

    private Bytes download(MediaValue media) {
        try {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(media.data()))
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 != 2) {
                throw fail("downloading " + media.data() + " failed with HTTP " + r.statusCode(), "check the URL");
            }
            return new Bytes(r.body(), mime(media.mediaType(), r.headers().firstValue("content-type").orElse(null)));
        } catch (IOException e) {
            throw fail("downloading " + media.data() + " failed: " + e.getMessage(), "check the URL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail("interrupted while downloading " + media.data(), null);
        }
    }

    private byte[] decode(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw fail("media data is not valid base64", "pass base64 without a data: prefix, or a data: URL");
        }
    }

    private static String extensionMime(MediaValue media) {
        String name = media.data();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : media.kind().keyword().replace("pdf", "application") + "/" + name.substring(dot + 1);
    }

    private static String mime(String given, String fallback) {
        return given != null && !given.isEmpty() ? given : fallback;
    }

    /** {@code image/jpg} is a common misspelling of jpeg; Converse knows only jpeg. */
    private String subtype(String mime, String kind) {
        if (mime == null || mime.isEmpty()) {
            throw fail("a " + kind + " needs a media type (e.g. " + kind + "/png) for Bedrock", "give the media type when creating the " + kind);
        }
        String sub = mime.contains("/") ? mime.substring(mime.indexOf('/') + 1) : mime;
        sub = sub.toLowerCase(Locale.ROOT);
        int semi = sub.indexOf(';');
        if (semi >= 0) {
            sub = sub.substring(0, semi).trim();
        }
        return sub.equals("jpg") ? "jpeg" : sub;
    }

    private BamlClientException fail(String message, String hint) {
        return new BamlClientException(options.clientName(), "client `" + options.clientName() + "`: " + message
                + (hint == null ? "" : " (" + hint + ")"), false, null);
    }
}

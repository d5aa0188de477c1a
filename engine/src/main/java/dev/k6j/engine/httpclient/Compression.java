package dev.k6j.engine.httpclient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Request body compression ({@code params.compression}) and transparent response decompression by
 * {@code Content-Encoding}, for gzip and deflate (zlib), as k6 does. {@code br} and {@code zstd} would need native
 * libraries; k6j leaves them out (request compression refuses them, responses keep them as received). Stateless.
 */
public final class Compression {

    /** The algorithms k6j supports. */
    static final List<String> SUPPORTED = List.of("gzip", "deflate");

    private Compression() {
    }

    /** Checks {@code params.compression} ("gzip", "gzip, deflate"...) and returns the algorithms in order. */
    public static List<String> algorithms(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> result = new java.util.ArrayList<>();
        for (String part : value.split(",")) {
            String algorithm = part.trim().toLowerCase(Locale.ROOT);
            if (!SUPPORTED.contains(algorithm)) {
                String hint = algorithm.equals("br") || algorithm.equals("zstd")
                        ? " (k6j does not support " + algorithm + ")" : "";
                throw new IllegalArgumentException("unknown compression algorithm " + algorithm
                        + hint + ", supported algorithms are " + SUPPORTED);
            }
            result.add(algorithm);
        }
        return List.copyOf(result);
    }

    /** The body compressed with each algorithm in turn. */
    static byte[] compress(byte[] body, List<String> algorithms) {
        byte[] data = body;
        for (String algorithm : algorithms) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (var stream = algorithm.equals("gzip") ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
                stream.write(data);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            data = out.toByteArray();
        }
        return data;
    }

    /**
     * The body decoded by its {@code Content-Encoding} (last applied, first undone); unknown encodings are left.
     *
     * @throws HttpError 1701 when the body is not what its encoding says
     */
    static byte[] decode(String contentEncoding, byte[] body) {
        if (contentEncoding == null || body == null || body.length == 0) {
            return body;
        }
        String[] encodings = contentEncoding.split(",");
        byte[] data = body;
        for (int i = encodings.length - 1; i >= 0; i--) {
            String encoding = encodings[i].trim().toLowerCase(Locale.ROOT);
            if (!encoding.equals("gzip") && !encoding.equals("deflate")) {
                continue;
            }
            try (InputStream in = encoding.equals("gzip") ? new GZIPInputStream(new ByteArrayInputStream(data))
                    : new InflaterInputStream(new ByteArrayInputStream(data))) {
                data = in.readAllBytes();
            } catch (ZipException e) {
                throw new HttpError(ErrorCodes.RESPONSE_DECOMPRESSION,
                        "error decompressing response body (" + encoding + ": " + e.getMessage() + ")", e);
            } catch (IOException e) {
                throw new HttpError(ErrorCodes.RESPONSE_DECOMPRESSION,
                        "error decompressing response body (" + encoding + ": " + e.getMessage() + ")", e);
            }
        }
        return data;
    }
}

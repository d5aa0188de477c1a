package dev.k6j.testbed;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The echo document of httpbin's {@code /anything}: what the server received, as JSON-ready data. */
final class Echo {

    private Echo() {
    }

    static Map<String, Object> of(IncomingRequest request) {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("method", request.method());
        echo.put("url", request.url());
        echo.put("args", flatten(request.query()));
        echo.put("headers", headers(request));
        echo.put("data", request.bodyText());
        Map<String, Object> form = new LinkedHashMap<>();
        Map<String, Object> files = new LinkedHashMap<>();
        readForm(request, form, files);
        echo.put("form", form);
        echo.put("files", files);
        echo.put("origin", request.origin());
        echo.put("proto", request.proto());
        return echo;
    }

    /** Header names as the client sent them (HTTP/2 sends them in lower case), several values joined. */
    static Map<String, String> headers(IncomingRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.netty().headers().forEach(h -> {
            if (!h.getKey().startsWith(":") && !h.getKey().startsWith("x-http2-")) {
                headers.merge(h.getKey(), h.getValue(), (a, b) -> a + ", " + b);
            }
        });
        return headers;
    }

    private static Map<String, Object> flatten(Map<String, List<String>> values) {
        Map<String, Object> flat = new LinkedHashMap<>();
        values.forEach((name, list) -> flat.put(name, list.size() == 1 ? list.getFirst() : list));
        return flat;
    }

    private static void readForm(IncomingRequest request, Map<String, Object> form, Map<String, Object> files) {
        String type = request.header(HttpHeaderNames.CONTENT_TYPE);
        if (type == null || !(type.startsWith("application/x-www-form-urlencoded")
                || type.startsWith("multipart/form-data"))) {
            return;
        }
        HttpPostRequestDecoder decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false),
                request.netty());
        try {
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                if (data instanceof FileUpload upload) {
                    files.put(upload.getName(), Map.of("filename", upload.getFilename(),
                            "content_type", upload.getContentType(),
                            "content", upload.getString(StandardCharsets.UTF_8)));
                } else if (data instanceof Attribute attribute) {
                    form.merge(attribute.getName(), attribute.getValue(), (a, b) -> a + "," + b);
                }
            }
        } catch (IOException | RuntimeException e) {
            form.put("_error", e.toString());
        } finally {
            decoder.destroy();
        }
    }
}

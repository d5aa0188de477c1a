package dev.k6j.engine.archive;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an archive as k6's {@code lib.ReadArchive} does: {@code metadata.json}, {@code data}, and the regular files
 * under {@code file/} and {@code https/} (and the {@code files/} and {@code scripts/} of archives older than
 * k6 0.25). Folders and links are skipped; the script is {@code data}, placed at its URL. Stateless.
 */
public final class ArchiveReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArchiveReader() {
    }

    /** The archive in {@code tar}, or an {@link IOException} saying why it is not one k6j can run. */
    public static Archive read(byte[] tar) throws IOException {
        Map<String, Object> metadata = null;
        byte[] data = null;
        Map<Path, byte[]> files = new LinkedHashMap<>();
        Map<URI, byte[]> remote = new LinkedHashMap<>();
        for (Tar.Entry entry : Tar.read(tar)) {
            if (entry.type() != Tar.REGULAR) {
                continue;
            }
            switch (entry.name()) {
                case "metadata.json" -> metadata = JSON.readValue(entry.data(),
                        new TypeReference<LinkedHashMap<String, Object>>() { });
                case "data" -> data = entry.data();
                default -> place(entry, files, remote);
            }
        }
        if (metadata == null) {
            throw new IOException("the archive has no metadata.json");
        }
        if (data == null) {
            throw new IOException("the archive has no data (the script)");
        }
        URI filename = fileUrl(String.valueOf(metadata.get("filename")));
        URI pwd = fileUrl(String.valueOf(metadata.getOrDefault("pwd", "/")));
        if ("https".equals(filename.getScheme())) {
            remote.put(filename, data);
        } else {
            files.put(Path.of(filename.getPath()), data);
        }
        return new Archive(String.valueOf(metadata.getOrDefault("type", "js")), options(metadata.get("options")),
                filename, pwd, env(metadata.get("env")), string(metadata.get("compatibilityMode"), "extended"),
                string(metadata.get("k6version"), ""), string(metadata.get("goos"), ""), data, files, remote);
    }

    private static void place(Tar.Entry entry, Map<Path, byte[]> files, Map<URI, byte[]> remote)
            throws IOException {
        String name = ArchivePaths.anonymize(entry.name());
        int slash = name.indexOf('/');
        if (slash < 0) {
            return;
        }
        String prefix = name.substring(0, slash);
        String path = name.substring(slash);
        if (prefix.equals("files") || prefix.equals("scripts")) {
            // before k6 0.25: "_"-prefixed names were local files, the others remote
            prefix = path.startsWith("/_") ? "file" : "https";
            path = prefix.equals("file") ? path.substring(2) : path;
        }
        switch (prefix) {
            case "file" -> files.put(Path.of(path.startsWith("/") ? path : "/" + path), entry.data());
            case "https" -> remote.put(URI.create("https:/" + path), entry.data());
            default -> throw new IOException("unknown file prefix `" + prefix + "` for file `" + name + "`");
        }
    }

    /** The script or folder URL of the metadata: {@code file:///…}, {@code https://…}, or a bare path (old). */
    private static URI fileUrl(String text) throws IOException {
        try {
            if (text.startsWith("file://") || text.startsWith("https://")) {
                return new URI(text.startsWith("file://") ? "file://" + encodePath(text.substring(7)) : text);
            }
            return new URI("file", null, ArchivePaths.anonymize(text.startsWith("/") ? text : "/" + text), null);
        } catch (URISyntaxException e) {
            throw new IOException("the archive's metadata names an invalid URL: " + text, e);
        }
    }

    private static String encodePath(String path) throws URISyntaxException {
        return new URI(null, null, path, null).getRawPath();
    }

    /** k6 writes every option, unset ones as null; k6j's option layers want only those that are set. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> options(Object value) {
        Map<String, Object> options = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                Object cleaned = withoutNulls(item);
                if (cleaned != null) {
                    options.put(String.valueOf(key), cleaned);
                }
            });
        }
        return options;
    }

    private static Object withoutNulls(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((key, item) -> {
                Object cleaned = withoutNulls(item);
                if (cleaned != null) {
                    result.put(String.valueOf(key), cleaned);
                }
            });
            return result.isEmpty() ? null : result;
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>();
            list.forEach(item -> result.add(withoutNulls(item)));
            return result;
        }
        return value;
    }

    private static Map<String, String> env(Object value) {
        Map<String, String> env = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> env.put(String.valueOf(key), item == null ? "" : String.valueOf(item)));
        }
        return env;
    }

    private static String string(Object value, String otherwise) {
        return value == null ? otherwise : String.valueOf(value);
    }
}

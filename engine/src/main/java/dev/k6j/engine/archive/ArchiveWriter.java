package dev.k6j.engine.archive;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes an {@link Archive} as k6's {@code lib.Archive.Write} does: {@code metadata.json}, {@code data}, then for
 * {@code file} and {@code https} every folder and every file in sorted order, the script itself as a hard link to
 * {@code data}. Stateless.
 */
public final class ArchiveWriter {

    private ArchiveWriter() {
    }

    /** Writes the archive's tar to {@code out} (which stays open). */
    public static void write(Archive archive, OutputStream out) throws IOException {
        long now = System.currentTimeMillis() / 1000;
        List<Tar.Entry> entries = new ArrayList<>();
        entries.add(new Tar.Entry("metadata.json", Tar.REGULAR, now, "", metadata(archive)));
        entries.add(new Tar.Entry("data", Tar.REGULAR, now, "", archive.data()));
        String scriptEntry = scriptEntry(archive.filename());

        Map<String, byte[]> local = new TreeMap<>();
        archive.files().forEach((path, data) -> local.put(ArchivePaths.anonymize(path.toString()), data));
        addTree(entries, "file", local, scriptEntry, now);
        Map<String, byte[]> remote = new TreeMap<>();
        archive.remoteModules().forEach((url, data) -> remote.put(ArchivePaths.remotePath(url), data));
        addTree(entries, "https", remote, scriptEntry, now);
        Tar.write(entries, out);
    }

    private static void addTree(List<Tar.Entry> entries, String root, Map<String, byte[]> files, String scriptEntry,
                                long now) {
        if (files.isEmpty()) {
            return;
        }
        TreeSet<String> folders = new TreeSet<>();
        for (String file : files.keySet()) {
            for (Path parent = Path.of(file).getParent(); parent != null; parent = parent.getParent()) {
                folders.add(clean(root + parent));
            }
        }
        folders.forEach(folder -> entries.add(new Tar.Entry(folder, Tar.DIRECTORY, now, "", new byte[0])));
        files.forEach((file, data) -> {
            String name = clean(root + file);
            entries.add(name.equals(scriptEntry)
                    ? new Tar.Entry(name, Tar.LINK, now, "data", new byte[0])
                    : new Tar.Entry(name, Tar.REGULAR, now, "", data));
        });
    }

    /** The tar name of the script: {@code file/home/nobody/x.js} or {@code https/host/x.js}. */
    private static String scriptEntry(URI filename) {
        if ("https".equals(filename.getScheme())) {
            return clean("https" + ArchivePaths.remotePath(filename));
        }
        return clean("file" + ArchivePaths.anonymize(filename.getPath()));
    }

    private static String clean(String name) {
        String cleaned = name.replaceAll("/+", "/");
        return cleaned.endsWith("/") && cleaned.length() > 1 ? cleaned.substring(0, cleaned.length() - 1) : cleaned;
    }

    /** {@code metadata.json} in k6's field order, indented as Go's encoder does. */
    static byte[] metadata(Archive archive) throws IOException {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("type", archive.type());
        metadata.put("options", archive.options());
        metadata.put("filename", url(archive.filename()));
        metadata.put("pwd", url(archive.pwd()));
        metadata.put("env", archive.env());
        metadata.put("compatibilityMode", archive.compatibilityMode());
        metadata.put("k6version", archive.k6Version());
        metadata.put("goos", archive.goos());
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""));
        printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        printer.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        String json = new ObjectMapper().writer(printer).writeValueAsString(metadata) + "\n";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String url(URI url) {
        if ("file".equals(url.getScheme())) {
            return "file://" + ArchivePaths.anonymize(url.getRawPath());
        }
        return url.toString();
    }
}

package dev.k6j.engine.modules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The declaration files of {@code @types/k6}: from the package tarball the build fetched from the npm registry (the
 * system property {@code k6j.types-k6.tgz}), or else from the checked-in copy in {@code src/test/resources/types-k6}.
 *
 * @param origin   where the files came from, for messages
 * @param files    {@code index.d.ts} text by module folder ({@code crypto}, {@code experimental/fs}, ...)
 */
record TypesK6Package(String origin, Map<String, String> files) {

    static final Path CHECKED_IN = Path.of("src/test/resources/types-k6").toAbsolutePath();
    private static final String PREFIX = "k6/";
    private static final String SUFFIX = "/index.d.ts";

    static TypesK6Package load(List<String> folders) throws IOException {
        String tgz = System.getProperty("k6j.types-k6.tgz");
        if (tgz != null && Files.isRegularFile(Path.of(tgz))) {
            return new TypesK6Package(tgz, declarationsIn(Path.of(tgz)));
        }
        Map<String, String> files = new HashMap<>();
        for (String folder : folders) {
            files.put(folder, Files.readString(CHECKED_IN.resolve(folder).resolve("index.d.ts")));
        }
        return new TypesK6Package(CHECKED_IN + " (@types/k6 " + Files.readString(CHECKED_IN.resolve("VERSION")).trim()
                + ")", files);
    }

    TypeDeclarations declarations(String folder) {
        String text = files.get(folder);
        if (text == null) {
            throw new IllegalStateException("no " + folder + SUFFIX + " in " + origin);
        }
        return TypeDeclarations.read(text.lines().toList());
    }

    /** The {@code k6/<folder>/index.d.ts} entries of a gzipped tar (POSIX ustar headers of 512 bytes). */
    private static Map<String, String> declarationsIn(Path tgz) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz))) {
            while (true) {
                byte[] header = in.readNBytes(512);
                if (header.length < 512 || header[0] == 0) {
                    return files;
                }
                String name = field(header, 345, 155).isEmpty() ? field(header, 0, 100)
                        : field(header, 345, 155) + "/" + field(header, 0, 100);
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                byte[] body = in.readNBytes((int) size);
                in.readNBytes((int) ((512 - size % 512) % 512));
                if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && name.length() > PREFIX.length() + SUFFIX.length()) {
                    files.put(name.substring(PREFIX.length(), name.length() - SUFFIX.length()),
                            new String(body, StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static String field(byte[] header, int offset, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = offset; i < offset + length && header[i] != 0; i++) {
            out.write(header[i]);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}

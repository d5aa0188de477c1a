package dev.k6j.bundler.assemble;

import dev.k6j.bundler.BundlerException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Merges jars (and classes folders) into one jar, the way the shade plugin would but without relocation:
 * <ul>
 *   <li>the first copy of a class or resource wins, in input order; a later copy with other bytes is reported
 *       ({@link MergeReport}), an identical one silently skipped;</li>
 *   <li>{@code META-INF/services/*} files are concatenated ({@link ServiceFiles});</li>
 *   <li>signature files ({@code META-INF/*.SF|.DSA|.RSA|.EC}, {@code SIG-*}), the inputs' manifests,
 *       {@code INDEX.LIST} and {@code module-info.class} (also under {@code META-INF/versions/}) are dropped: a merged
 *       jar is neither signed nor a module;</li>
 *   <li>{@code META-INF/versions/N/…} entries are kept as they are, and the manifest says {@code Multi-Release};</li>
 *   <li>licence and notice files are kept first-wins without a report; Netty's version file is appended.</li>
 * </ul>
 * Entries carry a fixed time, so the same inputs make the same jar. Not thread-safe; one merge per instance.
 */
final class JarMerger {

    /** One jar or classes folder to merge, with the label the report uses for it. */
    record Input(String label, Path file) {
    }

    private static final long FIXED_TIME = 315_532_800_000L + 86_400_000L * 32; // 1980-02-02, DOS-safe
    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|DSA|RSA|EC)|META-INF/SIG-[^/]+");
    private static final Pattern MODULE_INFO = Pattern.compile("(META-INF/versions/\\d+/)?module-info\\.class");
    private static final Pattern UNREPORTED = Pattern.compile(
            "(META-INF/)?(LICEN[CS]E|NOTICE|DEPENDENCIES|COPYRIGHT|AUTHORS|README)[^/]*|META-INF/licenses?/.*"
                    + "|META-INF/[^/]+\\.kotlin_module|META-INF/maven/.*|.*package\\.html");
    private static final Set<String> APPENDED = Set.of("META-INF/io.netty.versions.properties",
            "META-INF/sisu/javax.inject.Named"); // both are lists, one line per item
    private static final Set<String> DROPPED = Set.of(JarFile.MANIFEST_NAME, "META-INF/INDEX.LIST");

    private final Map<String, Owner> owners = new HashMap<>();
    private final Set<String> directories = new HashSet<>();
    private final ServiceFiles services = new ServiceFiles();
    private final Map<String, ByteArrayOutputStream> appended = new LinkedHashMap<>();
    private final List<MergeReport.Duplicate> duplicates = new ArrayList<>();
    private int entries;

    private record Owner(String label, long crc, int size) {
    }

    /**
     * Writes {@code output} from the inputs, with {@code manifest} and the extra generated entries.
     *
     * @param extra entries to add as they are (e.g. the bundle record), written after the inputs' entries
     */
    MergeReport merge(List<Input> inputs, Manifest manifest, Map<String, byte[]> extra, Path output) throws IOException {
        Files.createDirectories(output.toAbsolutePath().getParent());
        Path partial = output.resolveSibling(output.getFileName() + ".part");
        try {
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
                    JarOutputStream jar = new JarOutputStream(stream)) {
                writeEntry(jar, JarFile.MANIFEST_NAME, manifestBytes(manifest));
                for (Input input : inputs) {
                    try {
                        ArtifactContents.forEach(input.file(), entry -> {
                            try {
                                copy(jar, input.label(), entry);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                    } catch (UncheckedIOException e) {
                        throw unreadable(input, e.getCause());
                    } catch (IOException e) {
                        throw unreadable(input, e);
                    }
                }
                for (Map.Entry<String, byte[]> service : services.merged().entrySet()) {
                    writeEntry(jar, service.getKey(), service.getValue());
                }
                for (Map.Entry<String, ByteArrayOutputStream> file : appended.entrySet()) {
                    writeEntry(jar, file.getKey(), file.getValue().toByteArray());
                }
                for (Map.Entry<String, byte[]> file : extra.entrySet()) {
                    writeEntry(jar, file.getKey(), file.getValue());
                }
            }
            Files.move(partial, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial); // a failed merge leaves nothing behind
        }
        return new MergeReport(entries, duplicates);
    }

    /** A jar that breaks while it is read (truncated after the check, a bad entry): one line naming it. */
    private static BundlerException unreadable(Input input, IOException e) {
        return new BundlerException(input.label() + " (" + input.file() + ") could not be read while merging it ("
                + e.getMessage() + "): delete " + input.file().getParent() + " so that it is downloaded again, or"
                + " rebuild it", e);
    }

    private void copy(JarOutputStream jar, String label, ArtifactContents.Entry entry) throws IOException {
        String name = entry.name();
        if (DROPPED.contains(name) || SIGNATURE.matcher(name).matches() || MODULE_INFO.matcher(name).matches()
                || name.equals(BundleRecord.RESOURCE)) {
            return;
        }
        if (ServiceFiles.isServiceFile(name)) {
            services.add(name, entry.bytes());
            return;
        }
        if (APPENDED.contains(name)) {
            appended.computeIfAbsent(name, k -> new ByteArrayOutputStream()).writeBytes(entry.bytes());
            return;
        }
        byte[] bytes = entry.bytes();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        Owner earlier = owners.get(name);
        if (earlier != null) {
            boolean same = earlier.crc() == crc.getValue() && earlier.size() == bytes.length;
            if (!same && !UNREPORTED.matcher(name).matches()) {
                duplicates.add(new MergeReport.Duplicate(name, earlier.label(), label));
            }
            return;
        }
        owners.put(name, new Owner(label, crc.getValue(), bytes.length));
        writeEntry(jar, name, bytes);
    }

    private void writeEntry(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        writeDirectories(jar, name);
        JarEntry entry = new JarEntry(name);
        entry.setTime(FIXED_TIME);
        jar.putNextEntry(entry);
        jar.write(bytes);
        jar.closeEntry();
        entries++;
    }

    private void writeDirectories(JarOutputStream jar, String name) throws IOException {
        int slash = name.indexOf('/');
        while (slash > 0) {
            String directory = name.substring(0, slash + 1);
            if (directories.add(directory)) {
                JarEntry entry = new JarEntry(directory);
                entry.setTime(FIXED_TIME);
                jar.putNextEntry(entry);
                jar.closeEntry();
            }
            slash = name.indexOf('/', slash + 1);
        }
    }

    private static byte[] manifestBytes(Manifest manifest) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        manifest.write(out);
        return out.toByteArray();
    }
}

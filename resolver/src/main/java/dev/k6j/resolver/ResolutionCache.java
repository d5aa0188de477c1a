package dev.k6j.resolver;

import dev.k6j.resolver.catalog.CatalogEntry;
import dev.k6j.resolver.maven.AtomicFiles;
import dev.k6j.resolver.maven.FileHashes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What k6j resolved before, so that a second run of a script starts without asking Maven: for one request (an
 * extension, a constraint, the repositories and the SPI), the version chosen and its files with their SHA-1s. The
 * files themselves stay in the Maven local repository. A record answers only while every file is still there with
 * the same SHA-1. A file that was downloaded and has changed since is refused (someone or something altered the
 * local repository); one installed locally ({@code mvn install} of a rebuilt extension) is resolved again. Unless
 * the constraint pins one
 * version, for {@link #FRESH_FOR} (Maven's daily update policy) so that new releases are found; offline, or when
 * the repositories cannot be reached, an older record still answers.
 *
 * <p>Records are written whole or not at all. Any thread; records of one request may be written by two processes
 * at once, and the last one stays.
 */
public final class ResolutionCache {

    /** How long a record of a version range answers before Maven is asked again. */
    public static final Duration FRESH_FOR = Duration.ofHours(24);

    private final Path folder;
    private final Clock clock;

    /** @param folder where the records are kept ({@code <k6j cache>/extensions}) */
    public ResolutionCache(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /** The folder of the records. */
    public Path folder() {
        return folder;
    }

    /**
     * The recorded resolution of {@code key}, if it is still good.
     *
     * @param pinned     the request pins one version: the record never gets old
     * @param acceptOld  take a record however old (offline, or the repositories unreachable)
     */
    Optional<ResolvedExtension> find(String key, CatalogEntry entry, boolean pinned, boolean acceptOld, String need) {
        Path file = fileOf(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties record = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            record.load(in);
            if (!key.equals(record.getProperty("key"))) {
                return Optional.empty();
            }
            Instant resolvedAt = Instant.ofEpochMilli(Long.parseLong(record.getProperty("resolvedAt")));
            if (!pinned && !acceptOld && resolvedAt.plus(FRESH_FOR).isBefore(clock.instant())) {
                return Optional.empty();
            }
            int count = Integer.parseInt(record.getProperty("files"));
            List<Path> files = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                Path path = Path.of(record.getProperty("file." + i));
                if (!Files.isRegularFile(path)) {
                    return Optional.empty(); // gone: resolve again
                }
                String recorded = record.getProperty("file." + i + ".sha1");
                String actual = FileHashes.sha1(path);
                if (!actual.equals(recorded)) {
                    if (LocalRepositoryFiles.wasDownloaded(path)) {
                        throw new ResolutionException(ResolutionException.Kind.CHECKSUM, need + ": " + path
                                + " in the local repository changed after k6j downloaded and checked it on "
                                + resolvedAt.toString().substring(0, 10) + " (its SHA-1 was " + recorded + ", is "
                                + actual + "): delete " + path.getParent() + " so that it is downloaded again");
                    }
                    return Optional.empty(); // rebuilt and installed again: resolve it anew
                }
                files.add(path);
            }
            return Optional.of(new ResolvedExtension(entry, record.getProperty("version"), files.getFirst(),
                    files.subList(1, files.size()), record.getProperty("origin"),
                    emptyToNull(record.getProperty("spiRequires", "")), true));
        } catch (IOException | NumberFormatException | NullPointerException e) {
            return Optional.empty(); // an unreadable record is no record
        }
    }

    /** Records {@code resolved} for {@code key}. A record that cannot be written costs only the next run's time. */
    void store(String key, ResolvedExtension resolved) {
        Properties record = new Properties();
        record.setProperty("key", key);
        record.setProperty("resolvedAt", Long.toString(clock.millis()));
        record.setProperty("version", resolved.version());
        record.setProperty("coordinates", resolved.coordinates());
        record.setProperty("origin", resolved.origin());
        record.setProperty("spiRequires", resolved.spiRequires() == null ? "" : resolved.spiRequires());
        List<Path> files = resolved.files();
        record.setProperty("files", Integer.toString(files.size()));
        try {
            for (int i = 0; i < files.size(); i++) {
                record.setProperty("file." + (i + 1), files.get(i).toAbsolutePath().toString());
                record.setProperty("file." + (i + 1) + ".sha1", FileHashes.sha1(files.get(i)));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            record.store(bytes, "k6j: an extension resolved on demand (" + resolved.coordinates() + ")");
            AtomicFiles.write(fileOf(key), bytes.toByteArray());
        } catch (IOException e) {
            // Not recorded: the next run resolves again.
        }
    }

    private Path fileOf(String key) {
        return folder.resolve(FileHashes.sha256(key).substring(0, 40) + ".properties");
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}

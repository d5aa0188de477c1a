package dev.k6j.resolver.catalog;

import dev.k6j.resolver.maven.AtomicFiles;
import dev.k6j.resolver.maven.FileHashes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the catalogs k6j uses: the one built in (k6j's own extensions and the extension template), then those
 * {@value #ENV} names, in order, each overriding the ones before. A location is a file path, a {@code file:} URL or
 * an {@code https://} URL; several are separated by commas. A catalog fetched over HTTPS is kept in the cache
 * folder and that copy is used, with a warning, when the URL cannot be reached (or k6j is offline).
 *
 * <p>One loader per command, on one thread.
 */
public final class CatalogLoader {

    /** The environment variable naming more catalogs. */
    public static final String ENV = "K6J_EXTENSION_CATALOG";
    /** How the built-in catalog is named in listings. */
    public static final String BUILT_IN = "built-in";

    private static final String BUILT_IN_RESOURCE = "k6j-catalog.json";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Path cacheDir;
    private final boolean offline;
    private final Consumer<String> warnings;

    /**
     * @param cacheDir where fetched catalogs are kept ({@code <cache>/catalogs})
     * @param offline  fetch nothing: use kept copies
     * @param warnings where to say that a kept copy stands in for a URL
     */
    public CatalogLoader(Path cacheDir, boolean offline, Consumer<String> warnings) {
        this.cacheDir = cacheDir;
        this.offline = offline;
        this.warnings = warnings;
    }

    /** The catalog built into k6j. */
    public static ExtensionCatalog builtIn() {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new CatalogException("k6j's built-in extension catalog is missing from its jar");
            }
            return ExtensionCatalog.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN);
        } catch (IOException e) {
            throw new CatalogException("cannot read k6j's built-in extension catalog: " + e.getMessage(), e);
        }
    }

    /**
     * The built-in catalog with the catalogs of {@code locations} (the value of {@value #ENV}, may be {@code null})
     * on top; relative paths resolve in {@code workingDirectory}.
     *
     * @throws CatalogException a catalog that cannot be read or is not a catalog
     */
    public ExtensionCatalog load(String locations, Path workingDirectory) {
        ExtensionCatalog catalog = builtIn();
        for (String location : split(locations)) {
            catalog = catalog.plus(read(location, workingDirectory));
        }
        return catalog;
    }

    static List<String> split(String locations) {
        List<String> result = new ArrayList<>();
        if (locations != null) {
            for (String part : locations.split(",")) {
                if (!part.isBlank()) {
                    result.add(part.strip());
                }
            }
        }
        return result;
    }

    private ExtensionCatalog read(String location, Path workingDirectory) {
        if (location.startsWith("https://")) {
            return ExtensionCatalog.parse(fetch(location), location);
        }
        if (location.startsWith("http://")) {
            throw new CatalogException("the extension catalog " + location + " (from " + ENV + ") is plain HTTP:"
                    + " give an https:// URL or a file path, so that what k6j runs comes from where you think");
        }
        Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : workingDirectory.resolve(location);
        try {
            return ExtensionCatalog.parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new CatalogException("the extension catalog " + file + " (from " + ENV + ") does not exist");
        } catch (IOException e) {
            throw new CatalogException("cannot read the extension catalog " + file + " (from " + ENV + "): "
                    + e.getMessage(), e);
        }
    }

    /** The catalog at {@code url}, kept in the cache; the kept copy when the URL cannot be reached. */
    private String fetch(String url) {
        Path kept = cacheDir.resolve("catalogs").resolve(FileHashes.sha256(url).substring(0, 32) + ".json");
        if (offline) {
            return keptCopy(url, kept, "k6j is offline");
        }
        String problem;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                ExtensionCatalog.parse(response.body(), url); // keep only what reads as a catalog
                keep(kept, response.body());
                return response.body();
            }
            problem = "HTTP " + response.statusCode();
        } catch (IOException e) {
            problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogException("interrupted while fetching the extension catalog " + url, e);
        }
        return keptCopy(url, kept, "it could not be fetched (" + problem + ")");
    }

    private String keptCopy(String url, Path kept, String why) {
        try {
            String text = Files.readString(kept);
            warnings.accept("the extension catalog " + url + " is read from the copy kept on "
                    + Files.getLastModifiedTime(kept).toInstant().toString().substring(0, 10) + ": " + why);
            return text;
        } catch (IOException e) {
            throw new CatalogException("cannot read the extension catalog " + url + " (from " + ENV + "): " + why
                    + ", and no copy of it is kept in " + kept.getParent());
        }
    }

    private static void keep(Path file, String text) {
        try {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // A copy not kept only costs the offline fallback.
        }
    }
}

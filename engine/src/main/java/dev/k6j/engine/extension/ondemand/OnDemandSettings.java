package dev.k6j.engine.extension.ondemand;

import dev.k6j.resolver.CacheFolder;
import dev.k6j.resolver.maven.ResolverOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How extensions on demand behave, from the environment (k6's names where k6 has one):
 * <ul>
 *   <li>{@value #AUTO_RESOLUTION} ({@code true} by default; k6's older {@code K6_BINARY_PROVISIONING} too): resolve
 *       what a script needs and this k6j lacks;</li>
 *   <li>{@value #OFFLINE}: use the Maven local repository only (Maven's {@code <offline>} in settings.xml works
 *       too);</li>
 *   <li>{@value #CATALOGS}: more extension catalogs, paths or https URLs separated by commas;</li>
 *   <li>{@value #CACHE}: k6j's cache folder (default {@code $XDG_CACHE_HOME/k6j}, else {@code ~/.cache/k6j});</li>
 *   <li>{@value #MAVEN_SETTINGS}: a settings.xml instead of {@code ~/.m2/settings.xml}; the JVM property
 *       {@code maven.repo.local} (in {@code K6J_JAVA_OPTS}) names another local repository, as for Maven.</li>
 * </ul>
 *
 * @param enabled         whether to resolve at all
 * @param offline         local repository only
 * @param catalogs        the value of {@value #CATALOGS}, or {@code null}
 * @param cacheDir        k6j's cache folder
 * @param mavenSettings   a settings.xml, or {@code null} for Maven's default
 * @param localRepository a local repository, or {@code null} for the settings' (or Maven's default)
 */
public record OnDemandSettings(boolean enabled, boolean offline, String catalogs, Path cacheDir, Path mavenSettings,
                               Path localRepository) {

    /** k6's switch for automatic extension resolution. */
    public static final String AUTO_RESOLUTION = "K6_AUTO_EXTENSION_RESOLUTION";
    /** The name k6 v1.0 and v1.1 used for the same switch. */
    static final String LEGACY_AUTO_RESOLUTION = "K6_BINARY_PROVISIONING";
    /** Local repository only. */
    public static final String OFFLINE = "K6J_OFFLINE";
    /** More catalogs. */
    public static final String CATALOGS = dev.k6j.resolver.catalog.CatalogLoader.ENV;
    /** k6j's cache folder. */
    public static final String CACHE = CacheFolder.ENV;
    /** Another Maven settings.xml. */
    public static final String MAVEN_SETTINGS = "K6J_MAVEN_SETTINGS";

    private static final Set<String> TRUE = Set.of("1", "t", "true");
    private static final Set<String> FALSE = Set.of("0", "f", "false");

    /** The settings of this process. */
    public static OnDemandSettings fromEnvironment() {
        return from(System.getenv(), System.getProperty("user.home"), System.getProperty("maven.repo.local"));
    }

    static OnDemandSettings from(Map<String, String> env, String userHome, String mavenRepoLocal) {
        boolean enabled = bool(env.get(LEGACY_AUTO_RESOLUTION), true);
        enabled = bool(env.get(AUTO_RESOLUTION), enabled);
        return new OnDemandSettings(enabled, bool(env.get(OFFLINE), false), env.get(CATALOGS),
                CacheFolder.of(env, userHome), notBlank(env.get(MAVEN_SETTINGS)) ? Path.of(env.get(MAVEN_SETTINGS)) : null,
                notBlank(mavenRepoLocal) ? Path.of(mavenRepoLocal) : null);
    }

    /** Go's strconv.ParseBool, as k6 reads its switches; anything else leaves the default. */
    private static boolean bool(String value, boolean otherwise) {
        if (value == null) {
            return otherwise;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return TRUE.contains(v) || (!FALSE.contains(v) && otherwise);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** The Maven side of these settings. */
    ResolverOptions resolverOptions() {
        return new ResolverOptions(mavenSettings, localRepository, List.of(), offline);
    }
}

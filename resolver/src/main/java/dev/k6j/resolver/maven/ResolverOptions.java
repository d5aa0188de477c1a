package dev.k6j.resolver.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to reach Maven repositories.
 *
 * @param settings        a settings.xml to use instead of {@code ~/.m2/settings.xml} (mirrors, proxies,
 *                        credentials), or {@code null}
 * @param localRepository a local repository instead of the one the settings name (default {@code ~/.m2/repository},
 *                        or Maven's {@code maven.repo.local} property), or {@code null}
 * @param repositories    extra remote repositories, searched after Maven Central and the settings' repositories: a
 *                        URL, or {@code id::url} so that the settings' {@code <server>} of that id gives credentials
 * @param offline         use the local repository only (when false, the settings' {@code <offline>} decides)
 */
public record ResolverOptions(Path settings, Path localRepository, List<String> repositories, boolean offline) {

    public ResolverOptions {
        repositories = List.copyOf(repositories);
    }

    /** The same options for a nested {@code mvn} run: {@code -s}, {@code -Dmaven.repo.local}, {@code -o}. */
    public List<String> mavenArguments() {
        List<String> args = new ArrayList<>();
        if (settings != null) {
            args.add("-s");
            args.add(settings.toAbsolutePath().toString());
        }
        if (localRepository != null) {
            args.add("-Dmaven.repo.local=" + localRepository.toAbsolutePath());
        }
        if (offline) {
            args.add("-o");
        }
        return args;
    }
}

package dev.k6j.bundler.resolve;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a bundle is made of, resolved to files.
 *
 * @param engine       the engine artifact
 * @param engineFrom   where the engine came from: a repository, or "the checkout …"
 * @param artifacts    every artifact in class-path order: the engine and its libraries first, then each extension
 *                     with its own; GraalJS included (see {@link ResolvedArtifact#isGraal()})
 * @param extensions   the {@code --with} extensions' own artifacts, in command-line order
 * @param conflicts    version conflicts Maven settled
 * @param graalVersion the GraalJS version the engine brought
 * @param compilerJars the Graal JIT compiler jars of that version (empty when they could not be resolved)
 * @param compilerProblem why there are no compiler jars, or {@code null}
 * @param spiVersion   the version of the k6j SPI in the bundle
 */
public record Resolution(ResolvedArtifact engine, String engineFrom, List<ResolvedArtifact> artifacts,
                         List<ResolvedArtifact> extensions, List<Conflict> conflicts, String graalVersion,
                         List<Path> compilerJars, String compilerProblem, String spiVersion) {

    public Resolution {
        artifacts = List.copyOf(artifacts);
        extensions = List.copyOf(extensions);
        conflicts = List.copyOf(conflicts);
        compilerJars = List.copyOf(compilerJars);
    }

    /** The artifacts brought in by one root ({@code engine} or a {@code --with} value). */
    public List<ResolvedArtifact> broughtBy(String root) {
        return artifacts.stream().filter(a -> a.root().equals(root)).toList();
    }
}

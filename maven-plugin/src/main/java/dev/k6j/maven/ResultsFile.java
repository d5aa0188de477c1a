package dev.k6j.maven;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code target/k6j/k6j-results.json}: what the {@code run} goal hands to the {@code verify} goal, as Failsafe's
 * summary file does, so that a failed load test still lets {@code post-integration-test} stop the servers.
 */
final class ResultsFile {

    static final String NAME = "k6j-results.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsFile() {
    }

    static void write(Path reportsDirectory, List<ScriptOutcome> outcomes) throws IOException {
        Files.createDirectories(reportsDirectory);
        JSON.writeValue(reportsDirectory.resolve(NAME).toFile(), outcomes);
    }

    /** The outcomes the last {@code run} recorded, or empty when it did not run. */
    static Optional<List<ScriptOutcome>> read(Path reportsDirectory) throws IOException {
        Path file = reportsDirectory.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(file.toFile(), new TypeReference<List<ScriptOutcome>>() { }));
    }
}

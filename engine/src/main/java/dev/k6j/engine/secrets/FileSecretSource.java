package dev.k6j.engine.secrets;

import dev.k6j.engine.errors.K6jException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets from a file of {@code key=value} lines, read once when the run starts. Blank lines and lines starting with
 * {@code #} are skipped; the value is everything after the first {@code =}. Immutable.
 */
public final class FileSecretSource implements SecretSource {

    private final String name;
    private final Map<String, String> secrets;

    private FileSecretSource(String name, Map<String, String> secrets) {
        this.name = name;
        this.secrets = Map.copyOf(secrets);
    }

    /** Reads {@code file}; a missing file or a line without {@code =} is a configuration error (exit 104). */
    public static FileSecretSource read(String name, Path file) {
        Map<String, String> secrets = new HashMap<>();
        try {
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                int equals = line.indexOf('=');
                if (equals <= 0) {
                    throw K6jException.invalidConfig("secret source file " + file + ", line " + number
                            + ": expected key=value");
                }
                secrets.put(line.substring(0, equals), line.substring(equals + 1));
            }
        } catch (IOException e) {
            throw K6jException.invalidConfig("cannot read the secret source file " + file + ": " + e.getMessage());
        }
        return new FileSecretSource(name, secrets);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(secrets.get(key));
    }
}

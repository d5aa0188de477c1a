package dev.k6j.engine.secrets;

import dev.k6j.engine.errors.K6jException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code file} source: secrets from a file of {@code key=value} lines, read once when the run starts. Blank lines
 * and lines starting with {@code #} are skipped; the value is everything after the first {@code =}.
 */
public final class FileSecretSource {

    private FileSecretSource() {
    }

    /** Reads {@code file}; a missing file or a line without {@code =} is a configuration error (exit 104). */
    public static SecretSource read(String name, Path file) {
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
        return new FixedSecretSource(name, secrets);
    }
}

package dev.k6j.engine.secrets;

import dev.k6j.engine.errors.K6jException;
import dev.k6j.spi.Secrets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret sources of one run, built from {@code --secret-source} flags, and the redaction of every secret value
 * handed to a script. Thread-safe.
 *
 * <p>Flags: {@code file=PATH}, {@code file=name=NAME,filename=PATH[,default]}, {@code env},
 * {@code env=prefix=PREFIX}, {@code mock=KEY=VALUE,...}, {@code url=urlTemplate=URL,...} (see
 * {@link UrlSourceConfig}). An unnamed source is named after its type. With one source it is the default; with
 * several, the one marked {@code default} is.
 */
public final class SecretSources implements Secrets {

    /** What k6 writes instead of a secret in log lines. */
    public static final String REDACTED = "***SECRET_REDACTED***";

    private final Map<String, SecretSource> sources;
    private final String defaultName;
    private final Set<String> revealed = ConcurrentHashMap.newKeySet();

    private SecretSources(Map<String, SecretSource> sources, String defaultName) {
        this.sources = sources;
        this.defaultName = defaultName;
    }

    /** No sources: every lookup fails with a message that names the flag. */
    public static SecretSources none() {
        return new SecretSources(Map.of(), null);
    }

    /**
     * Parses the flags as k6 does: {@code TYPE=CONFIG}, where {@code name=NAME} and {@code default} are taken out of
     * the comma-separated CONFIG and the rest goes to the source. Relative paths resolve against
     * {@code workingDirectory}. Mistakes exit with 104.
     */
    public static SecretSources parse(List<String> flags, Path workingDirectory, Map<String, String> environment) {
        Map<String, SecretSource> sources = new LinkedHashMap<>();
        List<String> defaults = new ArrayList<>();
        for (String flag : flags) {
            int equals = flag.indexOf('=');
            String type = equals < 0 ? flag : flag.substring(0, equals);
            String name = type;
            boolean isDefault = false;
            List<String> config = new ArrayList<>();
            for (String part : equals < 0 ? new String[0] : flag.substring(equals + 1).split(",")) {
                if (part.equals("default")) {
                    isDefault = true;
                } else if (part.startsWith("name=")) {
                    name = part.substring("name=".length());
                } else if (!part.isEmpty()) {
                    config.add(part);
                }
            }
            SecretSource source;
            try {
                source = create(type, name, config, workingDirectory, environment);
            } catch (IllegalArgumentException e) {
                throw K6jException.invalidConfig("--secret-source " + flag + ": " + e.getMessage());
            }
            if (sources.putIfAbsent(name, source) != null) {
                throw K6jException.invalidConfig("--secret-source: two secret sources are named '" + name + "'");
            }
            if (isDefault) {
                defaults.add(name);
            }
        }
        if (defaults.size() > 1) {
            throw K6jException.invalidConfig("--secret-source: more than one default secret source: " + defaults);
        }
        String defaultName = !defaults.isEmpty() ? defaults.get(0) : sources.size() == 1 ? sources.keySet().iterator().next() : null;
        return new SecretSources(Map.copyOf(sources), defaultName);
    }

    private static SecretSource create(String type, String name, List<String> config, Path workingDirectory,
                                       Map<String, String> environment) {
        return switch (type) {
            case "file" -> {
                String filename = null;
                for (String part : config) {
                    filename = part.startsWith("filename=") ? part.substring("filename=".length())
                            : part.contains("=") ? unknownKey("file", part) : part;
                }
                if (filename == null || filename.isEmpty()) {
                    throw new IllegalArgumentException("the file source needs a filename");
                }
                yield FileSecretSource.read(name, workingDirectory.resolve(filename));
            }
            case "env" -> {
                String prefix = "";
                for (String part : config) {
                    prefix = part.startsWith("prefix=") ? part.substring("prefix=".length())
                            : part.contains("=") ? unknownKey("env", part) : part;
                }
                yield new EnvSecretSource(name, prefix, environment);
            }
            case "mock" -> MockSecretSource.of(name, config);
            case "url" -> new UrlSecretSource(name, UrlSourceConfig.of(config, workingDirectory, environment));
            default -> throw new IllegalArgumentException("unknown secret source type '" + type
                    + "'; k6j has 'file', 'env', 'url' and 'mock'");
        };
    }

    private static String unknownKey(String type, String part) {
        throw new IllegalArgumentException("unknown configuration key for the " + type + " secret source: '"
                + part.substring(0, part.indexOf('=')) + "'");
    }

    /** The secret {@code key} of source {@code sourceName} (null: the default source), remembered for redaction. */
    @Override
    public String get(String sourceName, String key) {
        SecretSource source = source(sourceName);
        Optional<String> value = source.get(key);
        if (value.isEmpty()) {
            throw new SecretException("no secret '" + key + "' in secret source '" + source.name() + "'");
        }
        if (!value.get().isEmpty()) {
            revealed.add(value.get());
        }
        return value.get();
    }

    /** {@code text} with every secret a script has obtained replaced by {@link #REDACTED}, longest first. */
    public String redact(String text) {
        if (revealed.isEmpty() || text == null) {
            return text;
        }
        String result = text;
        List<String> values = new ArrayList<>(revealed);
        values.sort(Comparator.comparingInt(String::length).reversed());
        for (String secret : values) {
            result = result.replace(secret, REDACTED);
        }
        return result;
    }

    private SecretSource source(String name) {
        if (sources.isEmpty()) {
            throw new SecretException("no secret sources are configured: run with --secret-source, "
                    + "e.g. --secret-source=file=secrets.txt");
        }
        if (name == null) {
            if (defaultName == null) {
                throw new SecretException("no default secret source: mark one with 'default', "
                        + "e.g. --secret-source=file=name=main,filename=secrets.txt,default");
            }
            return sources.get(defaultName);
        }
        SecretSource source = sources.get(name);
        if (source == null) {
            throw new SecretException("no secret source named '" + name + "'; configured: " + sources.keySet());
        }
        return source;
    }

    /** A failed lookup, reported to the script. */
    public static final class SecretException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SecretException(String message) {
            super(message, null, false, false);
        }
    }
}

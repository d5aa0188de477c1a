package dev.k6j.engine.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.k6j.engine.errors.K6jException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a {@code --config} JSON file: k6 options at the top level, plus output settings. */
public final class ConfigFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigFile() {
    }

    public static Map<String, Object> read(Path file) {
        try {
            Map<String, Object> data = JSON.readValue(Files.readString(file), new TypeReference<LinkedHashMap<String, Object>>() { });
            return data == null ? Map.of() : data;
        } catch (NoSuchFileException e) {
            throw K6jException.invalidConfig("config file '" + file + "' not found");
        } catch (JsonProcessingException e) {
            throw K6jException.invalidConfig("config file '" + file + "' is not valid JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw K6jException.invalidConfig("cannot read config file '" + file + "': " + e.getMessage());
        }
    }
}

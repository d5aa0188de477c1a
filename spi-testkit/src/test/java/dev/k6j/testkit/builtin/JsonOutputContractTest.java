package dev.k6j.testkit.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.k6j.engine.output.json.JsonOutputFactory;
import dev.k6j.spi.OutputFactory;
import dev.k6j.testkit.OutputContract;
import dev.k6j.testkit.OutputTestKit.Delivered;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The engine's json output passes the output contract every output's tests run. */
class JsonOutputContractTest extends OutputContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected OutputFactory factory() {
        return new JsonOutputFactory();
    }

    @Override
    protected String argument() {
        return "results.json";
    }

    @Override
    protected String stdoutArgument() {
        return "-";
    }

    @Override
    protected List<Delivered> delivered() throws Exception {
        List<Delivered> delivered = new ArrayList<>();
        for (String line : Files.readAllLines(workingDirectory.resolve(argument()))) {
            JsonNode node = JSON.readTree(line);
            if (node.get("type").asText().equals("Point")) {
                delivered.add(new Delivered(node.get("metric").asText(), node.at("/data/value").asDouble()));
            }
        }
        return delivered;
    }
}

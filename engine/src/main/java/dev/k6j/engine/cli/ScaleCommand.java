package dev.k6j.engine.cli;

import dev.k6j.engine.api.RestApiClient;
import dev.k6j.engine.api.Status;
import dev.k6j.engine.errors.K6jException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code k6j scale}: changes the VUs of a running externally-controlled scenario, through its REST API. */
@Command(name = "scale", description = "Change the VUs of a running externally-controlled test (REST API).",
        mixinStandardHelpOptions = true)
public final class ScaleCommand extends ApiCommand {

    @Option(names = {"-u", "--vus"}, paramLabel = "N", description = "Number of VUs to run.")
    Long vus;

    @Option(names = {"-m", "--max"}, paramLabel = "N", description = "Max available VUs.")
    Long max;

    @Override
    Status send(RestApiClient client) throws IOException, InterruptedException {
        if (vus == null && max == null) {
            throw K6jException.invalidConfig("specify either -u/--vus or -m/--max");
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (vus != null) {
            attributes.put("vus", vus);
        }
        if (max != null) {
            attributes.put("vus-max", max);
        }
        return client.patch(attributes);
    }
}

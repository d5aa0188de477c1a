package dev.k6j.engine.cli;

import dev.k6j.engine.api.RestApiClient;
import dev.k6j.engine.api.Status;
import java.io.IOException;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code k6j pause}: pauses a running test (externally-controlled scenarios only), through its REST API. */
@Command(name = "pause", description = "Pause a running test (REST API).", mixinStandardHelpOptions = true)
public final class PauseCommand extends ApiCommand {

    @Override
    Status send(RestApiClient client) throws IOException, InterruptedException {
        return client.patch(Map.of("paused", true));
    }
}

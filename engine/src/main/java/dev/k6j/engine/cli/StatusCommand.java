package dev.k6j.engine.cli;

import dev.k6j.engine.api.RestApiClient;
import dev.k6j.engine.api.Status;
import java.io.IOException;
import picocli.CommandLine.Command;

/** {@code k6j status}: the running test's status, from its REST API. */
@Command(name = "status", description = "Show the status of a running test (REST API).",
        mixinStandardHelpOptions = true)
public final class StatusCommand extends ApiCommand {

    @Override
    Status send(RestApiClient client) throws IOException, InterruptedException {
        return client.status();
    }
}

package dev.k6j.engine.cli;

import dev.k6j.engine.api.RestApiClient;
import dev.k6j.engine.api.Status;
import java.io.IOException;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code k6j resume}: resumes a paused test (or starts one run with {@code --paused}), through its REST API. */
@Command(name = "resume", description = "Resume a paused test (REST API).", mixinStandardHelpOptions = true)
public final class ResumeCommand extends ApiCommand {

    @Override
    Status send(RestApiClient client) throws IOException, InterruptedException {
        return client.patch(Map.of("paused", false));
    }
}

package dev.k6j.engine.cli;

import dev.k6j.engine.api.RestApiClient;
import dev.k6j.engine.api.Status;
import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/**
 * The shape of the commands that steer a running test through its REST API ({@code status}, {@code pause},
 * {@code resume}, {@code scale}): one request, then the status printed as k6 prints it (YAML).
 */
abstract class ApiCommand implements Callable<Integer> {

    @Option(names = {"-a", "--address"}, paramLabel = "HOST:PORT",
            description = "The running test's REST API (default localhost:6565, or K6_ADDRESS).")
    String address;

    /** Sends this command's request. */
    abstract Status send(RestApiClient client) throws IOException, InterruptedException;

    @Override
    public Integer call() throws InterruptedException {
        String target = ApiAddress.of(address).address();
        if (target.isEmpty()) {
            throw K6jException.invalidConfig("the REST API address is empty; give the test's with --address");
        }
        Status status;
        try {
            status = send(new RestApiClient(target));
        } catch (ConnectException e) {
            throw new K6jException(ExitCode.GENERIC_ERROR, "no k6j test is running with its REST API on " + target
                    + " (start one with k6j run, or give its --address)");
        } catch (IOException e) {
            throw new K6jException(ExitCode.GENERIC_ENGINE, e.getMessage(), e);
        }
        System.out.print(yaml(status));
        System.out.flush();
        return 0;
    }

    /** The status as k6's YAML: one {@code key: value} line per attribute, in k6's order. */
    static String yaml(Status status) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Object> entry : status.attributes().entrySet()) {
            text.append(entry.getKey()).append(": ").append(entry.getValue()).append('\n');
        }
        return text.toString();
    }
}

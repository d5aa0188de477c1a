package dev.k6j.engine.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code http.batch()}: runs requests in parallel, at most {@code batch} at once and at most {@code batchPerHost}
 * to one host (0: no per-host limit), starting the next as one finishes. Results keep the requests' order.
 *
 * <p>Threads: {@link #start()} on the VU thread; the scheduling runs under this object's lock on event loops.
 */
final class Batch {

    private final HttpClient client;
    private final List<HttpRequestSpec> specs;
    private final int limit;
    private final int perHost;
    private final List<CompletableFuture<HttpOutcome>> results = new ArrayList<>();
    private final List<RequestRun> running = new ArrayList<>();
    private final LinkedList<Integer> waiting = new LinkedList<>();
    private final Map<String, Integer> perHostActive = new HashMap<>();
    private int active;
    private boolean cancelled;

    Batch(HttpClient client, List<HttpRequestSpec> specs, int limit, int perHost) {
        this.client = client;
        this.specs = specs;
        this.limit = Math.max(1, limit);
        this.perHost = perHost;
        for (int i = 0; i < specs.size(); i++) {
            results.add(new CompletableFuture<>());
            waiting.add(i);
        }
    }

    /** Starts the first requests; the returned future completes when all have ended. */
    CompletableFuture<List<HttpOutcome>> start() {
        pump();
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .thenApply(v -> results.stream().map(CompletableFuture::join).toList());
    }

    /** Ends every running request now and fails the rest (the VU is stopping). */
    void cancel() {
        List<RequestRun> toCancel;
        synchronized (this) {
            cancelled = true;
            toCancel = new ArrayList<>(running);
            for (Integer index : waiting) {
                results.get(index).completeExceptionally(new HttpError(ErrorCodes.DEFAULT, "request aborted"));
            }
            waiting.clear();
        }
        toCancel.forEach(RequestRun::cancel);
    }

    private void pump() {
        List<Integer> toStart = new ArrayList<>();
        synchronized (this) {
            if (cancelled) {
                return;
            }
            for (Iterator<Integer> it = waiting.iterator(); it.hasNext() && active < limit; ) {
                int index = it.next();
                String host = Target.of(specs.get(index).url()).hostHeader();
                int onHost = perHostActive.getOrDefault(host, 0);
                if (perHost > 0 && onHost >= perHost) {
                    continue;
                }
                it.remove();
                active++;
                perHostActive.put(host, onHost + 1);
                toStart.add(index);
            }
        }
        for (int index : toStart) {
            HttpRequestSpec spec = specs.get(index);
            String host = Target.of(spec.url()).hostHeader();
            RequestRun run = client.start(spec);
            synchronized (this) {
                running.add(run);
            }
            run.outcome().whenComplete((outcome, failure) -> {
                synchronized (this) {
                    active--;
                    perHostActive.merge(host, -1, Integer::sum);
                    running.remove(run);
                }
                if (failure != null) {
                    results.get(index).completeExceptionally(failure);
                } else {
                    results.get(index).complete(outcome);
                }
                pump();
            });
        }
    }
}

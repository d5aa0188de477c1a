package dev.k6j.engine.httpclient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

/**
 * {@code http.batch()}: runs requests in parallel, each on a virtual thread of its own, at most {@code batch} at once
 * and at most {@code batchPerHost} to one host (0: no per-host limit), starting the next as one finishes, first come
 * first served among those whose host has room. Results keep the requests' order.
 *
 * <p>Threads: {@link #run()} on the VU thread, which waits for the requests; they report back under this object's
 * lock.
 */
public final class Batch {

    private final HttpClient client;
    private final List<HttpRequestSpec> specs;
    private final int limit;
    private final int perHost;
    private final ThreadFactory threads;
    private final HttpOutcome[] outcomes;
    private final List<RequestRun> running = new ArrayList<>();
    private final LinkedList<Integer> waiting = new LinkedList<>();
    private final Map<String, Integer> perHostActive = new HashMap<>();
    private int active;
    private int finished;

    public Batch(HttpClient client, List<HttpRequestSpec> specs, int limit, int perHost, ThreadFactory threads) {
        this.client = client;
        this.specs = specs;
        this.limit = Math.max(1, limit);
        this.perHost = perHost;
        this.threads = threads;
        this.outcomes = new HttpOutcome[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            waiting.add(i);
        }
    }

    /**
     * Runs every request and returns their outcomes in order.
     *
     * @throws InterruptedException the VU is stopping: the running requests are cancelled, the rest never start
     */
    public synchronized List<HttpOutcome> run() throws InterruptedException {
        try {
            while (finished < specs.size()) {
                startWhatFits();
                wait();
            }
        } catch (InterruptedException e) {
            waiting.clear();
            List.copyOf(running).forEach(RequestRun::cancel);
            throw e;
        }
        return java.util.Arrays.asList(outcomes);
    }

    private void startWhatFits() {
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
            RequestRun run = client.newRun(specs.get(index));
            running.add(run);
            threads.newThread(() -> finish(index, host, run, runQuietly(run))).start();
        }
    }

    /** The outcome, or {@code null} when the request was cancelled. */
    private static HttpOutcome runQuietly(RequestRun run) {
        try {
            return run.run();
        } catch (InterruptedException e) {
            return null;
        }
    }

    private synchronized void finish(int index, String host, RequestRun run, HttpOutcome outcome) {
        outcomes[index] = outcome;
        running.remove(run);
        active--;
        perHostActive.merge(host, -1, Integer::sum);
        finished++;
        notifyAll();
    }
}

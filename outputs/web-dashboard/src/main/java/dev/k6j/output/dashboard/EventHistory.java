package dev.k6j.output.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * The events a page needs to show the run so far, kept compact: every event in order, except that of the
 * {@code cumulative} and {@code threshold} events only the latest counts (each replaces the ones before), and
 * {@code summary} and {@code stop} stay last. A page that connects late, and the HTML report, get exactly this.
 * Thread-safe.
 */
final class EventHistory implements EventListener {

    private final List<DashboardEvent> timeline = new ArrayList<>();
    private DashboardEvent cumulative;
    private DashboardEvent threshold;
    private DashboardEvent summary;
    private DashboardEvent stop;
    private int snapshots;

    @Override
    public synchronized void onEvent(DashboardEvent event) {
        switch (event.name()) {
            case DashboardEvent.CUMULATIVE -> cumulative = event;
            case DashboardEvent.THRESHOLD -> threshold = event;
            case DashboardEvent.SUMMARY -> summary = event;
            case DashboardEvent.STOP -> stop = event;
            case DashboardEvent.CONFIG -> { }
            default -> {
                timeline.add(event);
                if (event.name().equals(DashboardEvent.SNAPSHOT)) {
                    snapshots++;
                }
            }
        }
    }

    /** The compact history, in the order a page must read it. */
    synchronized List<DashboardEvent> events() {
        List<DashboardEvent> events = new ArrayList<>(timeline.size() + 4);
        events.addAll(timeline);
        for (DashboardEvent last : new DashboardEvent[] {cumulative, threshold, summary, stop}) {
            if (last != null) {
                events.add(last);
            }
        }
        return events;
    }

    /** How many periods have been recorded. */
    synchronized int snapshots() {
        return snapshots;
    }

    /** Whether the run has ended. */
    synchronized boolean stopped() {
        return stop != null;
    }
}

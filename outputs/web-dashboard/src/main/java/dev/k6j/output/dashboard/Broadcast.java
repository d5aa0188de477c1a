package dev.k6j.output.dashboard;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands each event to every listener in turn. A listener that fails is reported once through the logger and
 * left out from then on, so a full disk never stops the page. Events arrive on one thread at a time.
 */
final class Broadcast implements EventListener {

    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    private final System.Logger logger;

    Broadcast(System.Logger logger) {
        this.logger = logger;
    }

    void add(EventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void onEvent(DashboardEvent event) {
        for (EventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                listeners.remove(listener);
                logger.log(System.Logger.Level.WARNING, "web dashboard: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        for (EventListener listener : listeners) {
            try {
                listener.close();
            } catch (Exception e) {
                logger.log(System.Logger.Level.WARNING, "web dashboard: " + e.getMessage());
            }
        }
    }
}

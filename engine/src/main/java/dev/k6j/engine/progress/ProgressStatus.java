package dev.k6j.engine.progress;

/** What a progress bar's scenario is doing, shown as one symbol left of the bar, as k6 shows it. */
public enum ProgressStatus {
    RUNNING(' '),
    WAITING('•'),
    STOPPING('↓'),
    INTERRUPTED('✗'),
    DONE('✓');

    private final char symbol;

    ProgressStatus(char symbol) {
        this.symbol = symbol;
    }

    public char symbol() {
        return symbol;
    }
}

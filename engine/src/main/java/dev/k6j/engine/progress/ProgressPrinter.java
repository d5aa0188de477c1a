package dev.k6j.engine.progress;

import java.io.PrintStream;
import java.util.List;

/**
 * Prints the live progress while a test runs: on a terminal the bars are redrawn in place ten times a second,
 * otherwise the whole block is printed again every second; with {@code --quiet} nothing. Log lines printed meanwhile
 * through {@link #persistentText()} keep the bars below them.
 *
 * <p>Threads: one daemon thread of its own renders and prints, holding the stream's lock while it writes; other
 * threads call {@link #close()}.
 */
public final class ProgressPrinter implements AutoCloseable {

    /** The longest scenario name shown before it is cut with "...". */
    static final int MAX_LEFT = 30;
    static final int DEFAULT_TERM_WIDTH = 80;

    private final PrintStream out;
    private final boolean tty;
    private final boolean color;
    private final List<ProgressBar> bars;
    private final int maxLeft;
    private final int termWidth;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String last = "";
    private int widthDelta;

    private ProgressPrinter(PrintStream out, boolean tty, boolean color, List<ProgressBar> bars, int termWidth) {
        this.out = out;
        this.tty = tty;
        this.color = color;
        this.bars = List.copyOf(bars);
        this.termWidth = termWidth;
        this.maxLeft = Math.min(MAX_LEFT, bars.stream().mapToInt(b -> b.left().length()).max().orElse(0));
        this.widthDelta = tty ? 0 : -ProgressBar.DEFAULT_WIDTH;
        this.thread = Thread.ofPlatform().daemon().name("k6j-progress").unstarted(this::loop);
    }

    /**
     * Starts printing {@code bars} to {@code out}, or returns a printer that prints nothing when {@code quiet}.
     *
     * @param tty       whether {@code out} is a terminal (redraw in place) or not (a block every second)
     * @param termWidth the terminal's width in columns
     */
    public static ProgressPrinter start(PrintStream out, boolean tty, boolean color, boolean quiet,
                                        List<ProgressBar> bars, int termWidth) {
        ProgressPrinter printer = new ProgressPrinter(out, tty, color, bars, termWidth);
        if (quiet) {
            printer.running = false;
        } else {
            printer.thread.start();
        }
        return printer;
    }

    /**
     * The terminal's width: {@code $COLUMNS} when set, else what {@code stty size} says of the terminal, else 80 as
     * k6 assumes.
     */
    public static int terminalWidth(java.util.Map<String, String> environment) {
        try {
            int columns = Integer.parseInt(environment.getOrDefault("COLUMNS", "").trim());
            if (columns > 0) {
                return columns;
            }
        } catch (NumberFormatException e) {
            // not set: ask the terminal
        }
        java.io.File tty = new java.io.File("/dev/tty");
        if (!tty.canRead()) {
            return DEFAULT_TERM_WIDTH;
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String[] size = new String(stty.getInputStream().readAllBytes()).trim().split("\\s+");
            if (stty.waitFor(1, java.util.concurrent.TimeUnit.SECONDS) && size.length == 2) {
                int columns = Integer.parseInt(size[1]);
                return columns > 0 ? columns : DEFAULT_TERM_WIDTH;
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // no stty, or no terminal after all
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DEFAULT_TERM_WIDTH;
    }

    private void loop() {
        long period = tty ? 100 : 1000;
        while (running) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            if (!running) {
                return;
            }
            print(true);
        }
    }

    private void print(boolean goBack) {
        ProgressLines.Block block = ProgressLines.render(bars, tty, color, goBack, maxLeft, termWidth, widthDelta);
        if (tty) {
            widthDelta = termWidth - block.longestLine() - ProgressLines.TERM_PADDING;
        }
        synchronized (out) {
            last = block.text();
            out.print(block.text());
            out.flush();
        }
    }

    /**
     * What a log line written on a terminal must print after itself so the bars stay below it (k6's
     * {@code PersistentText}); empty when not on a terminal. Call holding the stream's lock.
     */
    public String persistentText() {
        return tty && running ? last : "";
    }

    /** Stops the live printing and prints the bars a last time, in their final state. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        print(false);
    }
}

package dev.k6j.engine.progress;

import java.util.List;
import java.util.function.Supplier;

/**
 * One line of the live progress: a name, a status symbol, a bar and columns of text, as k6's {@code pb.ProgressBar}
 * draws them ({@code default   [=====>------] 10 VUs  05.0s/10s}). A bar may instead be "hijacked" by a supplier of
 * the whole line (the {@code running (…)} line above the scenarios).
 *
 * <p>Threads: the owner updates it from any thread; the display renders it from its own.
 */
public final class ProgressBar {

    /** The widest bar, in characters including the brackets. */
    public static final int DEFAULT_WIDTH = 40;
    /** Below this width a bar shows a percentage instead of a filling. */
    static final int MIN_WIDTH = 8;

    /** One rendering, split in parts so the display can align columns. */
    record Rendered(String left, ProgressStatus status, String progressText, String fill, String padding,
                    List<String> right, String hijack) {

        String bar(boolean color) {
            if (!progressText.isEmpty()) {
                return "[ " + progressText + " ]";
            }
            return "[" + fill + (color && !padding.isEmpty() ? Ansi.FAINT + padding + Ansi.RESET : padding) + "]";
        }

        String statusSymbol(boolean color) {
            String symbol = String.valueOf(status.symbol());
            if (!color) {
                return symbol;
            }
            return switch (status) {
                case INTERRUPTED -> Ansi.RED + symbol + Ansi.RESET;
                case DONE -> Ansi.GREEN + symbol + Ansi.RESET;
                case WAITING -> Ansi.FAINT + symbol + Ansi.RESET;
                default -> symbol;
            };
        }
    }

    private final Supplier<String> left;
    private final Supplier<String> hijack;
    private volatile Supplier<Progress> progress;
    private volatile ProgressStatus status = ProgressStatus.RUNNING;
    private int width = DEFAULT_WIDTH;

    private ProgressBar(Supplier<String> left, Supplier<Progress> progress, Supplier<String> hijack) {
        this.left = left;
        this.progress = progress;
        this.hijack = hijack;
    }

    /** A bar named {@code left} whose fraction and columns come from {@code progress}. */
    public static ProgressBar of(String left, Supplier<Progress> progress) {
        return new ProgressBar(() -> left, progress, null);
    }

    /** A line of text in place of a bar. */
    public static ProgressBar hijacked(Supplier<String> line) {
        return new ProgressBar(() -> "", () -> Progress.of(0), line);
    }

    public void setStatus(ProgressStatus status) {
        this.status = status;
    }

    public ProgressStatus status() {
        return status;
    }

    public void setProgress(Supplier<Progress> progress) {
        this.progress = progress;
    }

    /** Freezes the bar at what it shows now. */
    public void freeze() {
        Progress now = progress.get();
        this.progress = () -> now;
    }

    String left() {
        return hijack != null ? "" : left.get();
    }

    /**
     * Renders the bar; {@code widthDelta} shrinks or grows it (within 8 to 40 characters), {@code maxLeft} cuts a
     * longer name with "...". Called by the display's thread only.
     */
    Rendered render(int maxLeft, int widthDelta) {
        if (hijack != null) {
            return new Rendered("", status, "", "", "", List.of(), hijack.get());
        }
        Progress now = progress.get();
        double fraction = Math.max(0, Math.min(1, now.fraction()));
        width = Math.max(MIN_WIDTH, Math.min(DEFAULT_WIDTH, width + widthDelta));
        String fill = "";
        String padding = "";
        String progressText = "";
        if (width > MIN_WIDTH) {
            int space = width - 2;
            int filled = (int) (space * fraction);
            if (filled > 0) {
                fill = filled < space ? "=".repeat(filled - 1) + ">" : "=".repeat(filled);
            }
            if (space > filled) {
                padding = "-".repeat(space - filled);
            }
        } else {
            progressText = String.format(java.util.Locale.ROOT, "%3.0f%%", fraction * 100);
        }
        String name = left.get();
        if (maxLeft > 0 && name.length() > maxLeft) {
            name = name.substring(0, maxLeft - 3) + "...";
        }
        return new Rendered(name, status, progressText, fill, padding, now.right(), null);
    }

    /** ANSI codes of the bars. */
    static final class Ansi {
        static final String FAINT = "\u001b[2m";
        static final String RED = "\u001b[31m";
        static final String GREEN = "\u001b[32m";
        static final String RESET = "\u001b[0m";

        private Ansi() {
        }
    }
}

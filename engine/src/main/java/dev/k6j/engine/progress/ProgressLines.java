package dev.k6j.engine.progress;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders several progress bars as one block of text with aligned columns: k6's {@code renderMultipleBars}. On a
 * terminal every line erases what was there, and the block ends by moving the cursor back to its top, so the next
 * rendering draws over it. Stateless apart from the bars' widths.
 */
final class ProgressLines {

    /** Padding between the text and the terminal's right edge. */
    static final int TERM_PADDING = 1;

    record Block(String text, int longestLine) {
    }

    private ProgressLines() {
    }

    static Block render(List<ProgressBar> bars, boolean tty, boolean color, boolean goBack, int maxLeft,
                        int termWidth, int widthDelta) {
        String lineEnd = tty ? "\u001b[K\n" : "\n";
        int lineBreaks = 0;
        int longestLine = 0;
        int[] maxColumn = new int[2];
        List<ProgressBar.Rendered> rendered = new ArrayList<>();
        for (ProgressBar bar : bars) {
            ProgressBar.Rendered r = bar.render(maxLeft, widthDelta);
            for (int i = 0; i < r.right().size() - 1 && i < maxColumn.length; i++) {
                maxColumn[i] = Math.max(maxColumn[i], r.right().get(i).length());
            }
            rendered.add(r);
        }
        StringBuilder text = new StringBuilder(lineEnd);
        for (ProgressBar.Rendered r : rendered) {
            if (r.hijack() != null) {
                text.append(r.hijack()).append(lineEnd);
                lineBreaks += Math.max(0, r.hijack().codePointCount(0, r.hijack().length()) - TERM_PADDING) / termWidth;
                continue;
            }
            StringBuilder right = new StringBuilder();
            for (int i = 0; i < r.right().size(); i++) {
                int pad = i < maxColumn.length ? maxColumn[i] : 0;
                right.append(' ').append(padRight(r.right().get(i), pad + 1));
            }
            String left = padRight(r.left(), maxLeft);
            String plain = left + " " + r.statusSymbol(false) + " " + r.bar(false) + right;
            int length = plain.codePointCount(0, plain.length());
            longestLine = Math.max(longestLine, length);
            lineBreaks += Math.max(0, length - TERM_PADDING) / termWidth;
            text.append(color ? left + " " + r.statusSymbol(true) + " " + r.bar(true) + right : plain).append(lineEnd);
        }
        if (tty && goBack) {
            text.append("\r\u001b[J\u001b[").append(bars.size() + lineBreaks + 1).append('A');
        }
        return new Block(text.toString(), longestLine);
    }

    private static String padRight(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}

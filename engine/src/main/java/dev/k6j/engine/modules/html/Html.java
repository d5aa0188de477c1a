package dev.k6j.engine.modules.html;

import dev.k6j.engine.vu.VirtualUser;
import dev.k6j.spi.Vu;
import org.graalvm.polyglot.Value;

/**
 * The entry point other built-in modules use to hand HTML to scripts, as k6/http's {@code res.html()} does:
 * <pre>{@code
 * Value selection = Html.parse(vu, body, responseUrl);   // on the VU thread
 * }</pre>
 * The result is the same Selection {@code parseHTML} gives, with relative links of Element methods such as
 * {@code href()} resolved against {@code baseUrl}.
 */
public final class Html {

    private Html() {
    }

    /** Parses {@code source} for the VU's script; {@code baseUrl} may be null or empty. VU thread only. */
    public static Value parse(Vu vu, String source, String baseUrl) {
        Value parse = ((VirtualUser) vu).moduleExports("k6/html").named().get("parseHTML") instanceof Value v ? v : null;
        if (parse == null) {
            throw new IllegalStateException("k6/html has no parseHTML export");
        }
        return parse.execute(source, baseUrl == null ? "" : baseUrl);
    }
}

package dev.k6j.engine.modules.html;

import dev.k6j.engine.modules.GlueModule;

/** The {@code k6/html} module: {@code parseHTML(src)} into a jQuery-like Selection over jsoup's parse tree. */
public final class HtmlModule extends GlueModule {

    public HtmlModule() {
        super("k6/html", "html.js", HtmlHost::new);
    }
}

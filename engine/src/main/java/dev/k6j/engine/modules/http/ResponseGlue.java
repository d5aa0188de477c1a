package dev.k6j.engine.modules.http;

import org.graalvm.polyglot.Value;

/**
 * What a {@link Response} needs done in JavaScript, given by the module's glue ({@code http.js}) once per VU:
 * parsing JSON text, {@code res.json()}'s parsing and selection, {@code res.html()}, the errors of the methods k6j
 * lacks, turning a Java string into a JavaScript one, and the shared {@code ocsp} answer.
 *
 * <p>Threads: the VU thread only (it calls JavaScript).
 */
final class ResponseGlue {

    private final Value parse;
    private final Value json;
    private final Value select;
    private final Value html;
    private final Value unsupported;
    private final Value string;
    private final Value ocsp;

    /** @param glue the glue's object with {@code parse, json, select, html, unsupported, string, ocsp} */
    ResponseGlue(Value glue) {
        this.parse = glue.getMember("parse");
        this.json = glue.getMember("json");
        this.select = glue.getMember("select");
        this.html = glue.getMember("html");
        this.unsupported = glue.getMember("unsupported");
        this.string = glue.getMember("string");
        this.ocsp = glue.getMember("ocsp");
    }

    Value parse(String jsonText) {
        return parse.execute(jsonText);
    }

    /** The body parsed as JSON, with k6's errors for a null or unparsable body. */
    Value json(Object body) {
        return json.execute(body);
    }

    Value select(Value document, Object selector) {
        return select.execute(document, selector);
    }

    Value html(Object body, String url, Object selector) {
        return html.execute(body, url, selector);
    }

    /** Throws the script's error for a method k6j does not have. */
    Value unsupported(String method) {
        return unsupported.execute(method);
    }

    Value string(String text) {
        return string.execute(text);
    }

    Value ocsp() {
        return ocsp;
    }
}

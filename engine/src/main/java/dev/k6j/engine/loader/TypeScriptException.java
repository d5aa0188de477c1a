package dev.k6j.engine.loader;

import java.io.IOException;

/** TypeScript that could not be turned into JavaScript: a syntax error, with {@code file:line:column}. */
public final class TypeScriptException extends IOException {

    TypeScriptException(String message) {
        super(message);
    }
}

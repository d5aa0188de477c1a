package dev.k6j.engine.modules.streams;

import dev.k6j.engine.modules.GlueModule;

/**
 * The {@code k6/experimental/streams} module: WHATWG {@code ReadableStream} with its default reader and controller,
 * and the queuing strategies. Written in JavaScript alone ({@code streams.js}): streams move JavaScript values
 * between JavaScript callbacks, so there is nothing for Java to do.
 */
public final class StreamsModule extends GlueModule {

    public StreamsModule() {
        super("k6/experimental/streams", "streams.js", vu -> null);
    }
}

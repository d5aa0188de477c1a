package dev.k6j.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * What a module exports: a default export and named exports.
 *
 * <p>Values may be Java objects with {@link org.graalvm.polyglot.HostAccess.Export} members,
 * {@link org.graalvm.polyglot.proxy.Proxy} objects, or {@link org.graalvm.polyglot.Value}s of the VU's context.
 *
 * @param defaultExport what {@code import x from 'mod'} binds
 * @param named         what {@code import { a } from 'mod'} binds, by name
 */
public record Exports(Object defaultExport, Map<String, Object> named) {

    public Exports {
        named = Map.copyOf(new LinkedHashMap<>(named));
    }

    /** Named exports, with a default export that is an object holding all of them (as k6 modules do). */
    public static Exports of(Map<String, Object> named) {
        return new Exports(ProxyObject.fromMap(new LinkedHashMap<>(named)), named);
    }
}

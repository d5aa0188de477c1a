package dev.k6j.engine.modules.web;

import dev.k6j.engine.modules.webcrypto.WebCryptoHost;
import dev.k6j.spi.Vu;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Installs the web platform globals k6 scripts may use without an import: {@code TextEncoder}, {@code TextDecoder}
 * and WebCrypto's {@code crypto} (with {@code CryptoKey}). Each is a glue file called with its Java host, as the
 * built-in modules are. Call once per VU, on its thread, after k6's own globals.
 *
 * <p>Most scripts use none of them, and a VU's set-up time and memory are what 10,000 VUs multiply, so the glue is
 * not run up front: each name starts as an accessor on {@code globalThis} that runs its group's glue the first time
 * it is read (the glue then defines the real values in its place), or becomes a plain value when a script assigns it.
 */
public final class WebGlobals {

    private static final Source TEXT = load(WebGlobals.class, "text.js");
    private static final Source WEBCRYPTO = load(WebCryptoHost.class, "webcrypto.js");
    /** The names each glue file defines, by group: 0 is text.js, 1 is webcrypto.js. */
    private static final String GROUPS = "TextEncoder,TextDecoder;crypto,CryptoKey";
    private static final Source LAZY = Source.create("js", """
            (function (groups, install) {
              const g = globalThis;
              groups.split(';').forEach((names, group) => {
                for (const name of names.split(',')) {
                  Object.defineProperty(g, name, {
                    configurable: true, enumerable: false,
                    get() { install(group); return g[name]; },
                    set(value) { Object.defineProperty(g, name, { value, writable: true, configurable: true }); },
                  });
                }
              });
            })""");

    private WebGlobals() {
    }

    public static void install(Vu vu) {
        vu.context().eval(LAZY).execute(GROUPS, (ProxyExecutable) args -> {
            if (args[0].asInt() == 0) {
                vu.context().eval(TEXT).execute(new TextCodec(vu));
            } else {
                vu.context().eval(WEBCRYPTO).execute(new WebCryptoHost(vu));
            }
            return null;
        });
    }

    private static Source load(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing glue resource " + resource);
            }
            return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "k6j-global-" + resource).build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read glue resource " + resource, e);
        }
    }
}

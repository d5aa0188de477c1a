package dev.k6j.engine.modules.web;

import dev.k6j.engine.modules.webcrypto.WebCryptoHost;
import dev.k6j.spi.Vu;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Source;

/**
 * Installs the web platform globals k6 scripts may use without an import: {@code TextEncoder}, {@code TextDecoder}
 * and WebCrypto's {@code crypto} (with {@code CryptoKey}). Each is a glue file called with its Java host, as the
 * built-in modules are. Call once per VU, on its thread, after k6's own globals.
 */
public final class WebGlobals {

    private static final Source TEXT = load(WebGlobals.class, "text.js");
    private static final Source WEBCRYPTO = load(WebCryptoHost.class, "webcrypto.js");

    private WebGlobals() {
    }

    public static void install(Vu vu) {
        vu.context().eval(TEXT).execute(new TextCodec(vu));
        vu.context().eval(WEBCRYPTO).execute(new WebCryptoHost(vu));
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

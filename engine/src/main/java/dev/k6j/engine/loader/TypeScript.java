package dev.k6j.engine.loader;

import com.caoccao.javet.swc4j.Swc4j;
import com.caoccao.javet.swc4j.enums.Swc4jMediaType;
import com.caoccao.javet.swc4j.enums.Swc4jSourceMapOption;
import com.caoccao.javet.swc4j.exceptions.Swc4jCoreException;
import com.caoccao.javet.swc4j.options.Swc4jTranspileOptions;
import com.caoccao.javet.swc4j.outputs.Swc4jTranspileOutput;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;

/**
 * Turns TypeScript into JavaScript as k6's esbuild loader does: types, interfaces, generics, {@code as},
 * {@code satisfies}, type-only imports and declarations go; enums and parameter properties become JavaScript.
 * The work is done by swc (through swc4j, a native library loaded on the first {@code .ts} file, so JavaScript-only
 * runs never pay for it); docs/scripting.md says why swc. Every output's source map is registered with
 * {@link SourceMaps} so errors name the {@code .ts} line. Thread-safe.
 */
public final class TypeScript {

    private TypeScript() {
    }

    /** Whether k6 strips types from this file: its name ends in {@code .ts}. */
    public static boolean isTypeScript(String location) {
        return location != null && location.endsWith(".ts");
    }

    /**
     * The JavaScript of a TypeScript source.
     *
     * @param path the path GraalJS will know the module under (its source map is registered for it)
     * @param url  the file's {@code file://} or {@code https://} URL, for messages
     * @throws TypeScriptException a syntax error, as one line with its location
     */
    public static String transpile(String source, String path, URI url) throws TypeScriptException {
        Swc4jTranspileOptions options = new Swc4jTranspileOptions()
                .setSpecifier(toUrl(url))
                .setMediaType(Swc4jMediaType.TypeScript)
                .setSourceMap(Swc4jSourceMapOption.Separate)
                .setInlineSources(false);
        Swc4jTranspileOutput output;
        try {
            output = swc().transpile(source, options);
        } catch (Swc4jCoreException e) {
            throw new TypeScriptException(syntaxError(firstLine(e.getMessage()), url));
        }
        if (output.getSourceMap() != null) {
            SourceMaps.register(path, SourceMap.parse(output.getSourceMap()));
        }
        return output.getCode();
    }

    /** swc's "Expression expected at file:///x.ts:2:17" as k6 words esbuild's: "/x.ts:2:17 Expression expected". */
    private static String syntaxError(String message, URI url) {
        String at = " at " + url;
        int where = message.lastIndexOf(at);
        if (where < 0) {
            return display(url) + ": " + message;
        }
        return display(url) + message.substring(where + at.length()) + " " + message.substring(0, where);
    }

    private static String display(URI url) {
        return "file".equals(url.getScheme()) ? Path.of(url).toString() : url.toString();
    }

    private static String firstLine(String text) {
        return text == null ? "TypeScript could not be read" : text.lines().findFirst().orElse(text).trim();
    }

    private static URL toUrl(URI url) {
        try {
            return url.toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Swc4j swc() throws TypeScriptException {
        try {
            return Holder.SWC;
        } catch (LinkageError | RuntimeException e) {
            // the cause too: on a supported platform, the library may fail to load from a temp folder mounted noexec
            throw new TypeScriptException("TypeScript needs swc4j's native library, which k6j bundles for Linux x86-64 "
                    + "and macOS arm64 only (this is " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + "; loading it said: " + e + "): turn the script into "
                    + "JavaScript first, e.g. with esbuild");
        }
    }

    /** Loads swc4j's native library on first use only. */
    private static final class Holder {
        static final Swc4j SWC = new Swc4j();
    }
}

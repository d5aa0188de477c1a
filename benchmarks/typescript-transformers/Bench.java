import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * One TypeScript transformer run from Java on sample.ts: start-up, first file, later files (CPU and wall time), and
 * its output in out-NAME.js for comparing with esbuild's. Run by run.sh; see docs/scripting.md#why-swc.
 *
 *   java -cp ... Bench swc4j | sucrase sucrase.js | typescript typescript.js | esbuild path/to/esbuild
 */
public class Bench {

    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    interface Transform {
        String apply(String ts) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String which = args[0];
        String ts = Files.readString(Path.of("sample.ts"));
        long wall0 = System.nanoTime();
        long cpu0 = cpu();
        Transform transform = switch (which) {
            case "sucrase", "typescript" -> graalJs(which, args[1]);
            case "swc4j" -> swc4j();
            case "esbuild" -> source -> esbuild(args[1]);
            default -> throw new IllegalArgumentException(which);
        };
        long wall1 = System.nanoTime();
        long cpu1 = cpu();
        String out = transform.apply(ts);
        long wall2 = System.nanoTime();
        long cpu2 = cpu();
        int later = 20;
        for (int i = 0; i < later; i++) {
            transform.apply(ts);
        }
        long wall3 = System.nanoTime();
        long cpu3 = cpu();
        System.out.printf("%-10s start-up %6d ms cpu %6d ms wall | first file %5d ms cpu %5d ms wall | later %7.1f ms cpu"
                        + " %7.1f ms wall%s%n", which, (cpu1 - cpu0) / 1_000_000, (wall1 - wall0) / 1_000_000,
                (cpu2 - cpu1) / 1_000_000, (wall2 - wall1) / 1_000_000, (cpu3 - cpu2) / 1e6 / later,
                (wall3 - wall2) / 1e6 / later, which.equals("esbuild") ? " (the subprocess's CPU is not counted)" : "");
        Files.writeString(Path.of("out-" + which + ".js"), out);
    }

    static Transform graalJs(String which, String library) throws Exception {
        Engine engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
        Context context = Context.newBuilder("js").engine(engine).build();
        Value function;
        if (which.equals("sucrase")) {
            context.eval(Source.newBuilder("js", Path.of(library).toFile()).build());
            function = context.eval("js", "(src) => Sucrase.transform(src, {transforms: ['typescript'], "
                    + "disableESTransforms: true, filePath: 'sample.ts'}).code");
        } else {
            context.eval("js", "var module = {exports: {}}; var exports = module.exports;");
            context.eval(Source.newBuilder("js", Path.of(library).toFile()).build());
            function = context.eval("js", "(src) => module.exports.transpileModule(src, {compilerOptions: "
                    + "{target: 99, module: 99}, fileName: 'sample.ts'}).outputText");
        }
        return source -> function.execute(source).asString();
    }

    static Transform swc4j() throws Exception {
        var swc = new com.caoccao.javet.swc4j.Swc4j();
        var options = new com.caoccao.javet.swc4j.options.Swc4jTranspileOptions()
                .setSpecifier(URI.create("file:///sample.ts").toURL())
                .setMediaType(com.caoccao.javet.swc4j.enums.Swc4jMediaType.TypeScript)
                .setSourceMap(com.caoccao.javet.swc4j.enums.Swc4jSourceMapOption.Separate);
        return source -> swc.transpile(source, options).getCode();
    }

    static String esbuild(String binary) throws Exception {
        Process process = new ProcessBuilder(binary, "--loader=ts", "--format=esm", "--target=esnext",
                "--sourcefile=sample.ts").redirectInput(Path.of("sample.ts").toFile()).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return out;
    }
}

package dev.k6j.bundler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.bundler.BundlerFixture.Run;
import dev.k6j.testbed.tcp.TcpTestbed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End-to-end: the extension template built with Maven into a temporary repository, bundled by its coordinates
 * together with k6j's own {@code tcp} module (by short name, from the checkout) and an output (as a local jar), and
 * the bundle run on scripts that use them.
 */
class BundleBuildIT {

    static BundlerFixture fixture;
    static Path bundleDir;
    static Path jar;
    static Run build;

    @BeforeAll
    static void build() {
        fixture = BundlerFixture.get();
        bundleDir = fixture.work.resolve("custom");
        jar = bundleDir.resolve("k6j-custom.jar");
        build = BundlerFixture.bundler(args("build", "--with", BundlerFixture.TEMPLATE, "--with", "tcp",
                "--with", fixture.counterJar.toString(), "-o", jar.toString()));
    }

    static String[] args(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(BundlerFixture.get().repositoryOptions());
        return all.toArray(String[]::new);
    }

    @Test
    void theBuildSaysWhatWentInWithVersionsAndSizes() {
        assertThat(build.exitCode()).as(build.all()).isZero();
        assertThat(build.stdout())
                .contains("engine  dev.k6j:k6j-engine:" + fixture.version + "  (from the checkout " + fixture.checkout)
                .contains("picocli 4.7.7")
                .containsPattern("GraalJS 25\\.\\d+\\.\\d+: \\d+ jars in lib/")
                .contains("with    com.example:k6j-greeting:1.0.0  (--with com.example:k6j-greeting:1.0.0)")
                .contains("provides com.example.greeting.GreetingModule")
                .contains("with    dev.k6j:k6j-module-tcp:" + fixture.version + "  (--with tcp)")
                .contains("provides dev.k6j.modules.tcp.TcpModule")
                .contains("with    counter-output.jar")
                .contains("provides com.acme.counter.CounterOutputFactory")
                .containsPattern("wrote .*k6j-custom\\.jar \\(\\d+\\.\\d MB, one file: \\d+ artifacts merged")
                .containsPattern("built in \\d+\\.\\d s");
    }

    @Test
    void theBundleRunsAScriptThatUsesBothExtensions() throws Exception {
        Path script = bundleDir.resolve("greeting.js");
        Files.copy(fixture.template.resolve("examples/greeting.js"), script,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Run run = BundlerFixture.process(bundleDir, BundlerFixture.interpreter(),
                jar.toString(), "run", "-q", "--out", "counter", "greeting.js");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stderr()).contains("Hello, VU 1! / Hello later, VU 1!").contains("Hello later, VU 2!");
        assertThat(run.stdout()).contains("✓ greeted later").contains("✓ greetings")
                .containsPattern("counter: \\d+ samples");
    }

    @Test
    void theBundleRunsAScriptThatImportsTheTemplateAndTcp() throws Exception {
        Path script = bundleDir.resolve("greeting-over-tcp.js");
        Files.writeString(script, """
                import { check } from 'k6';
                import { greet } from 'k6/x/greeting';
                import { Socket } from 'k6/x/tcp';

                export const options = { vus: 2, iterations: 4, thresholds: { checks: ['rate==1'], tcp_errors: ['count==0'] } };

                export default async function () {
                    const greeting = greet(`VU ${__VU}`);
                    const socket = new Socket();
                    let echoed = '';
                    socket.on('data', (data) => {
                        echoed += String.fromCharCode(...new Uint8Array(data));
                        if (echoed.length >= greeting.length) {
                            check(echoed, { 'the greeting came back': (e) => e === greeting });
                            socket.destroy();
                        }
                    });
                    await socket.connect(Number(__ENV.ECHO_PORT), '127.0.0.1');
                    await socket.write(greeting);
                }
                """);
        try (TcpTestbed echo = TcpTestbed.start()) {
            Run run = BundlerFixture.process(bundleDir, BundlerFixture.interpreter(),
                    jar.toString(), "run", "-q", "-e", "ECHO_PORT=" + echo.echoPort(),
                    "greeting-over-tcp.js");

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.stdout()).contains("✓ the greeting came back")
                    .containsPattern("tcp_sockets\\.*: 4 ").containsPattern("greetings\\.*: 4 ");
        }
    }

    @Test
    void versionListsEachExtensionWithItsVersionAndOriginAndTheRuntimeTheLauncherChose() throws Exception {
        // Asked for explicitly: by default a machine with fewer than 4 CPUs gets the interpreter whatever the JDK.
        Run run = BundlerFixture.process(bundleDir, Map.of("K6J_JS_RUNTIME", "optimizing"),
                jar.toString(), "version");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout())
                .contains("SPI: v" + fixture.version)
                .contains("Bundle: dev.k6j:k6j-engine:" + fixture.version + " with 3 extension artifact(s)")
                .contains("  k6/x/tcp " + fixture.version + ", js [bundle dev.k6j:k6j-module-tcp:" + fixture.version + "]")
                .contains("Plugins folder: " + bundleDir.resolve("plugins") + " (absent)")
                .contains("  k6/x/greeting 1.0.0, js [bundle com.example:k6j-greeting:1.0.0]")
                .contains("  counter 2.0.0, output [bundle counter-output.jar]")
                .contains("  json " + fixture.version + ", output [built-in]");
        String graal = graalVersion();
        Runtime.Version jdk = Runtime.version();
        String jdkUpdate = jdk.feature() + "." + jdk.interim() + "." + jdk.update();
        assertThat(run.stdout()).contains(graal.equals(jdkUpdate)
                ? "JS runtime: optimizing (GraalVM CE JIT, engine mode latency; K6J_JS_RUNTIME=optimizing is set)"
                : "JS runtime: interpreter");
    }

    @Test
    void theBundleIsOneFileWithTheMergedEngineAndGraalJsInsideAndNothingBeside() throws IOException {
        try (JarFile bundle = new JarFile(jar.toFile())) {
            assertThat(bundle.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("dev.k6j.launcher.BundleLauncher");
            assertThat(bundle.stream().map(e -> e.getName()))
                    .contains("dev/k6j/launcher/BundleLauncher.class", "K6J-BUNDLE/k6j.jar")
                    .anyMatch(n -> n.matches("K6J-BUNDLE/lib/polyglot-.*\\.jar"))
                    .anyMatch(n -> n.matches("K6J-BUNDLE/lib/graal-compiler/compiler-.*\\.jar"));
            Path engine = Files.createTempFile(bundleDir, "engine", ".jar");
            try (var in = bundle.getInputStream(bundle.getEntry("K6J-BUNDLE/k6j.jar"))) {
                Files.copy(in, engine, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            try (JarFile merged = new JarFile(engine.toFile())) {
                Manifest manifest = merged.getManifest();
                String classPath = manifest.getMainAttributes().getValue("Class-Path");
                assertThat(manifest.getMainAttributes().getValue("Main-Class")).isEqualTo("dev.k6j.engine.cli.Main");
                assertThat(manifest.getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
                assertThat(manifest.getMainAttributes().getValue("Implementation-Version")).isNull();
                assertThat(classPath).contains("lib/polyglot-").contains("lib/truffle-api-").contains("lib/js-language-");
                for (String entry : classPath.split(" ")) {
                    assertThat(bundle.getEntry("K6J-BUNDLE/" + entry)).as(entry).isNotNull();
                }
                assertThat(merged.stream().map(e -> e.getName()))
                        .contains("dev/k6j/engine/cli/Main.class", "dev/k6j/spi/JsModule.class",
                                "com/example/greeting/GreetingModule.class", "com/acme/counter/CounterOutputFactory.class",
                                "picocli/CommandLine.class", "org/pf4j/JarPluginManager.class")
                        .noneMatch(n -> n.startsWith("org/graalvm/") || n.startsWith("com/oracle/truffle/"))
                        .noneMatch(n -> n.endsWith(".SF") || n.endsWith(".RSA") || n.equals("module-info.class"));
                String outputs = new String(merged.getInputStream(merged.getEntry(
                        "META-INF/services/dev.k6j.spi.OutputFactory")).readAllBytes());
                assertThat(outputs.lines()).contains("com.acme.counter.CounterOutputFactory")
                        .anyMatch(l -> l.startsWith("dev.k6j.engine.output.json."));
            } finally {
                Files.delete(engine);
            }
        }
        try (var beside = Files.list(bundleDir)) {
            assertThat(beside.map(f -> f.getFileName().toString()))
                    .doesNotContain("lib", "k6j-custom", "k6j-custom.jar.part");
        }
        assertThat(jar).isExecutable();
    }

    @Test
    void javaDashJarRunsTheSameFileInTheInterpreter() throws Exception {
        Run run = BundlerFixture.process(bundleDir, Map.of(), Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "version");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("JS runtime: interpreter (java -jar runs the interpreter")
                .contains("  k6/x/greeting 1.0.0, js [bundle com.example:k6j-greeting:1.0.0]");
    }

    private static String graalVersion() throws IOException {
        try (JarFile bundle = new JarFile(jar.toFile())) {
            return bundle.stream().map(e -> e.getName()).filter(n -> n.startsWith("K6J-BUNDLE/lib/graal-compiler/compiler-"))
                    .map(n -> n.substring("K6J-BUNDLE/lib/graal-compiler/compiler-".length(), n.length() - 4))
                    .findFirst().orElse("none");
        }
    }
}

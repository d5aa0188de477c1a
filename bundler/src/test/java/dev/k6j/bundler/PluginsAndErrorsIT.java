package dev.k6j.bundler;

import static dev.k6j.bundler.BundleBuildIT.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.bundler.BundlerFixture.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End-to-end: the same extension jar dropped into a bare bundle's plugins folder, and every mistake a user can make
 * with extensions getting its one clear line: a missing module, a duplicate, an SPI mismatch (at start and at
 * build), an unpublished first-party extension, a jar that is no extension.
 */
class PluginsAndErrorsIT {

    static BundlerFixture fixture;
    static Path bare;
    static Path script;

    @BeforeAll
    static void bareBundle() throws IOException {
        fixture = BundlerFixture.get();
        bare = fixture.bare().getParent();
        script = bare.resolve("greeting.js");
        Files.copy(fixture.template.resolve("examples/greeting.js"), script,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aBareBundleSaysWhichModulesItHasAndHowToAddTheMissingOne() throws Exception {
        Run run = runBare(Map.of(), "run", "-q", "greeting.js");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(107);
        assertThat(run.stderr())
                .contains("the extension module 'k6/x/greeting' is not in this k6j build")
                .contains("bundler build --with <group:artifact[:version]>")
                .contains("drop its jar into the plugins folder")
                .contains("Modules present: k6, ")
                .doesNotContain("Hello");
    }

    @Test
    void anOutputTheBundleLacksFailsBeforeTheScriptRuns() throws Exception {
        Run run = runBare(Map.of(), "run", "-q", "--out", "counter", "greeting.js");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(104);
        assertThat(run.stderr()).contains("unknown output 'counter': available outputs are csv, json");
    }

    @Test
    void onDemandAnOutputNoCatalogOffersIsOneLineSayingHowToAddOne() throws Exception {
        Run run = runBare(Map.of("K6_AUTO_EXTENSION_RESOLUTION", "true"), "run", "-q", "--out", "counter",
                "greeting.js");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(104);
        assertThat(run.errorLines()).as(run.all()).containsExactly("error: --out counter is not in this k6j and no "
                + "extension catalog offers it (catalogs: built-in): add an entry for it to a catalog of your own and name that file or"
                + " https URL in K6J_EXTENSION_CATALOG (see docs/extensions.md), or drop its jar into the plugins"
                + " folder (--plugins-dir, K6J_PLUGINS_DIR)");
    }

    @Test
    void theTemplateJarDroppedIntoAPluginsFolderWorksWithoutRebuilding() throws Exception {
        Path plugins = Files.createDirectories(fixture.work.resolve("plugins-ok"));
        Files.copy(fixture.templateJar, plugins.resolve("k6j-greeting-1.0.0.jar"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Run run = runBare(Map.of("K6J_PLUGINS_DIR", plugins.toString()), "run", "-q", "greeting.js");
        Run version = runBare(Map.of(), "version", "--plugins-dir", plugins.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stderr()).contains("Hello, VU 1! / Hello later, VU 1!");
        assertThat(run.stdout()).contains("✓ greetings");
        assertThat(version.stdout()).contains("  k6/x/greeting 1.0.0, js [plugin "
                + plugins.resolve("k6j-greeting-1.0.0.jar") + "]");
    }

    @Test
    void theSameModuleInTheBundleAndInAPluginIsAnErrorNamingBoth() throws Exception {
        Path withGreeting = fixture.work.resolve("with-greeting");
        Run build = BundlerFixture.bundler(args("build", "--with", BundlerFixture.TEMPLATE, "--offline",
                "-o", withGreeting.resolve("k6j.jar").toString()));
        assertThat(build.exitCode()).as(build.all()).isZero();
        Path plugins = Files.createDirectories(withGreeting.resolve("plugins"));
        Files.copy(fixture.templateJar, plugins.resolve("k6j-greeting-1.0.0.jar"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Run run = BundlerFixture.process(withGreeting, BundlerFixture.interpreter(),
                withGreeting.resolve("k6j.jar").toString(), "run", "-q", script.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(104);
        assertThat(run.stderr().strip())
                .contains("level=error msg=\"JS module 'k6/x/greeting' is provided twice: by bundle com.example:k6j-greeting:1.0.0"
                        + " (com.example.greeting.GreetingModule) and by plugin " + plugins.resolve("k6j-greeting-1.0.0.jar"))
                .doesNotContain("\tat ");
    }

    @Test
    void aPluginBuiltForAnotherSpiIsRefusedAtStartAndByTheBundler() throws Exception {
        Path plugins = Files.createDirectories(fixture.work.resolve("plugins-future"));
        Path future = withManifestAttribute(fixture.templateJar, plugins.resolve("k6j-greeting-9.jar"),
                "K6j-Spi-Requires", "[9.0,10.0)");

        Run run = runBare(Map.of("K6J_PLUGINS_DIR", plugins.toString()), "run", "-q", "greeting.js");
        Run build = BundlerFixture.bundler(args("build", "--with", future.toString(), "--offline",
                "-o", fixture.work.resolve("future/k6j.jar").toString()));

        assertThat(run.exitCode()).as(run.all()).isEqualTo(104);
        assertThat(run.stderr()).contains("level=error msg=\"the plugin " + future + " was built for the k6j SPI [9.0,10.0) but"
                + " this engine has SPI " + fixture.version);
        assertThat(build.exitCode()).as(build.all()).isEqualTo(1);
        assertThat(build.stderr()).contains("com.example:k6j-greeting:1.0.0 was built for the k6j SPI [9.0,10.0) but the"
                + " engine being bundled has SPI " + fixture.version);
    }

    @Test
    void aFirstPartyExtensionThatIsNotPublishedYetSaysSo() {
        // Outside a checkout (--no-checkout), tcp must come from a repository, and the test's local one has none.
        Run build = BundlerFixture.bundler(args("build", "--with", "tcp", "--offline", "--no-checkout",
                "-o", fixture.work.resolve("tcp/k6j.jar").toString()));

        assertThat(build.exitCode()).as(build.all()).isEqualTo(1);
        assertThat(build.stderr()).startsWith("error: the 'tcp' extension (dev.k6j:k6j-module-tcp:" + fixture.version
                + ") is not published yet: it was not found in the local repository " + fixture.repository);
    }

    @Test
    void aJarThatProvidesNoExtensionIsRefused() {
        Run build = BundlerFixture.bundler(args("build", "--with", "org.slf4j:slf4j-api:2.0.16",
                "-o", fixture.work.resolve("not-ext/k6j.jar").toString()));

        assertThat(build.exitCode()).as(build.all()).isEqualTo(1);
        assertThat(build.stderr()).contains("--with org.slf4j:slf4j-api:2.0.16 (org.slf4j:slf4j-api:2.0.16) is not a k6j"
                + " extension");
    }

    @Test
    void withoutAVersionTheLatestReleaseIsTaken() {
        Run build = BundlerFixture.bundler(args("build", "--with", "com.example:k6j-greeting", "--offline",
                "-o", fixture.work.resolve("latest/k6j.jar").toString()));

        assertThat(build.exitCode()).as(build.all()).isZero();
        assertThat(build.stdout()).contains("with    com.example:k6j-greeting:1.0.0  (--with com.example:k6j-greeting)");
    }

    @Test
    void replaceSwapsADependencyEverywhere() {
        Run build = BundlerFixture.bundler(args("build", "--replace", "org.slf4j:slf4j-api=org.slf4j:slf4j-api:2.0.16",
                "-o", fixture.work.resolve("replaced/k6j.jar").toString()));

        assertThat(build.exitCode()).as(build.all()).isZero();
        assertThat(build.stdout()).contains("slf4j-api 2.0.16").doesNotContain("slf4j-api 2.0.17");
    }

    @Test
    void aLocalMavenProjectIsBuiltAndBundledWithItsCoordinates() {
        Run build = BundlerFixture.bundler(args("build", "--with", fixture.template.toString(),
                "-o", fixture.work.resolve("from-project/k6j.jar").toString()));

        assertThat(build.exitCode()).as(build.all()).isZero();
        assertThat(build.stdout()).contains("with    com.example:k6j-greeting:1.0.0  (--with " + fixture.template + ")")
                .contains("provides com.example.greeting.GreetingModule");
    }

    private static Run runBare(Map<String, String> environment, String... args) throws Exception {
        Map<String, String> env = new HashMap<>(BundlerFixture.interpreter());
        env.putAll(environment);
        String[] command = new String[args.length + 1];
        command[0] = bare.resolve("k6j.jar").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return BundlerFixture.process(bare, env, command);
    }

    /** A copy of {@code jar} with one manifest attribute set. */
    private static Path withManifestAttribute(Path jar, Path copy, String name, String value) throws IOException {
        return BundlerFixture.withManifest(jar, copy, Map.of(name, value));
    }
}

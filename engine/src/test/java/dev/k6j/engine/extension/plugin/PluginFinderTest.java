package dev.k6j.engine.extension.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.extension.CompoundExtensionFinder;
import dev.k6j.engine.extension.ExtensionInfo;
import dev.k6j.engine.extension.ExtensionJar;
import dev.k6j.engine.extension.ExtensionOrigin;
import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.engine.extension.FoundExtensions;
import dev.k6j.engine.extension.ServiceLoaderFinder;
import dev.k6j.engine.extension.SpiCompatibility;
import dev.k6j.spi.JsModule;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginFinderTest {

    @TempDir
    Path dir;

    Path plugins;
    Path work;

    @BeforeEach
    void folders() throws IOException {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        work = Files.createDirectories(dir.resolve("work"));
    }

    @Test
    void aPlainExtensionJarIsAPluginWithItsPathAndVersion() throws Exception {
        module("greeter.jar", "com.acme.Greeter", "k6/x/greeter", "\"hi\"").version("1.2.3").build(plugins);

        try (ExtensionRegistry registry = ExtensionRegistry.discover(new PluginFinder(plugins))) {
            assertThat(registry.jsModules()).containsOnlyKeys("k6/x/greeter");
            assertThat(registry.describe()).containsExactly(new ExtensionInfo("k6/x/greeter", "js", "1.2.3",
                    "plugin " + plugins.resolve("greeter.jar")));
            assertThat(registry.jsModules().get("k6/x/greeter").getClass().getClassLoader())
                    .isInstanceOf(HostFirstClassLoader.class);
        }
    }

    @Test
    void aPluginsOutputIsFoundToo() throws Exception {
        ExtensionJar.named("counter.jar")
                .source("com.acme.Counter", """
                        package com.acme;
                        import dev.k6j.spi.*;
                        public final class Counter implements OutputFactory {
                            public String name() { return "counter"; }
                            public Output create(OutputParams params) { throw new IllegalArgumentException("unused"); }
                        }
                        """)
                .service("dev.k6j.spi.OutputFactory", "com.acme.Counter")
                .manifest("Plugin-Id", "acme-counter").manifest("Plugin-Version", "2.0.0")
                .build(plugins);

        try (ExtensionRegistry registry = ExtensionRegistry.discover(new PluginFinder(plugins))) {
            assertThat(registry.findOutput("counter")).isPresent();
            assertThat(registry.describe()).extracting(ExtensionInfo::version).containsExactly("2.0.0");
        }
    }

    @Test
    void eachPluginHasItsOwnClassLoaderSoTwoVersionsOfALibraryCoexist() throws Exception {
        Path lib1 = library("1", Files.createDirectories(work.resolve("v1")));
        Path lib2 = library("2", Files.createDirectories(work.resolve("v2")));
        module("a.jar", "com.a.AModule", "k6/x/a", "com.lib.Lib.version()")
                .compileAgainst(lib1).resource("com/lib/Lib.class", entry(lib1, "com/lib/Lib.class")).build(plugins);
        module("b.jar", "com.b.BModule", "k6/x/b", "com.lib.Lib.version()")
                .compileAgainst(lib2).resource("com/lib/Lib.class", entry(lib2, "com/lib/Lib.class")).build(plugins);

        try (ExtensionRegistry registry = ExtensionRegistry.discover(new PluginFinder(plugins))) {
            assertThat(exported(registry.jsModules().get("k6/x/a"))).isEqualTo("library 1");
            assertThat(exported(registry.jsModules().get("k6/x/b"))).isEqualTo("library 2");
        }
    }

    @Test
    void aPluginThatBundlesItsOwnSpiStillImplementsTheHostsSpi() throws Exception {
        byte[] spiClass;
        try (InputStream in = JsModule.class.getResourceAsStream("JsModule.class")) {
            spiClass = in.readAllBytes();
        }
        module("fat.jar", "com.acme.Fat", "k6/x/fat", "\"ok\"").resource("dev/k6j/spi/JsModule.class", spiClass)
                .build(plugins);

        try (ExtensionRegistry registry = ExtensionRegistry.discover(new PluginFinder(plugins))) {
            assertThat(registry.jsModules()).containsKey("k6/x/fat");
        }
    }

    @Test
    void aPluginBuiltForAnotherSpiIsBrokenWithAClearReasonAndTheOthersLoad() throws Exception {
        module("future.jar", "com.acme.Future", "k6/x/future", "\"x\"")
                .manifest(SpiCompatibility.MANIFEST_ATTRIBUTE, "[9.0,10.0)").build(plugins);
        module("present.jar", "com.acme.Present", "k6/x/present", "\"p\"").build(plugins);

        try (ExtensionRegistry registry = ExtensionRegistry.discover(new PluginFinder(plugins))) {
            assertThat(registry.jsModules()).containsKey("k6/x/present").doesNotContainKey("k6/x/future");
            assertThat(registry.brokenPlugins()).singleElement().satisfies(broken -> {
                assertThat(broken.jar()).isEqualTo(plugins.resolve("future.jar"));
                assertThat(broken.failure().exitCode()).isEqualTo(ExitCode.INVALID_CONFIG);
                assertThat(broken.failure()).hasMessageStartingWith("the plugin " + plugins.resolve("future.jar")
                        + " was built for the k6j SPI [9.0,10.0) but this engine has SPI ");
            });
            assertThat(registry.brokenPluginFor("the module 'k6/x/future', which the script imports"))
                    .get().asString().contains("that plugin may provide the module 'k6/x/future'");
        }
    }

    @Test
    void aCorruptJarIsBroken() throws Exception {
        java.nio.file.Files.write(plugins.resolve("corrupt.jar"), new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 3});

        try (ExtensionRegistry registry = ExtensionRegistry.discover(new PluginFinder(plugins))) {
            assertThat(registry.brokenPlugins()).singleElement().extracting(broken -> broken.failure().getMessage())
                    .asString().contains(plugins.resolve("corrupt.jar").toString());
        }
    }

    private String brokenReason() {
        try (ExtensionRegistry registry = ExtensionRegistry.discover(new PluginFinder(plugins))) {
            assertThat(registry.brokenPlugins()).hasSize(1);
            return registry.brokenPlugins().getFirst().failure().getMessage();
        }
    }

    @Test
    void theSameModuleInTheClassPathAndAPluginIsADuplicateNamingBothJars() throws Exception {
        Path onClassPath = module("greeter-bundled.jar", "com.acme.Greeter", "k6/x/greeter", "\"a\"").build(work);
        module("greeter-plugin.jar", "org.other.Greeter", "k6/x/greeter", "\"b\"").build(plugins);

        try (URLClassLoader loader = ExtensionJar.loaderOf(onClassPath)) {
            assertThatThrownBy(() -> ExtensionRegistry.discover(new CompoundExtensionFinder(
                    new ServiceLoaderFinder(loader), new PluginFinder(plugins))))
                    .isInstanceOf(K6jException.class)
                    .hasMessageContaining("JS module 'k6/x/greeter' is provided twice")
                    .hasMessageContaining("greeter-bundled.jar (com.acme.Greeter)")
                    .hasMessageContaining("plugin " + plugins.resolve("greeter-plugin.jar") + " (org.other.Greeter)");
        }
    }

    @Test
    void aProviderClassMissingFromThePluginBreaksItNamingTheJar() throws Exception {
        ExtensionJar.named("broken.jar")
                .source("com.acme.Nothing", "package com.acme; public final class Nothing {}")
                .service("dev.k6j.spi.JsModule", "com.acme.Missing")
                .build(plugins);

        assertThat(brokenReason())
                .contains("could not load the plugin " + plugins.resolve("broken.jar") + " (com.acme.Missing)");
    }

    @Test
    void aListedClassThatIsNoProviderBreaksThePluginWithAClearReason() throws Exception {
        ExtensionJar.named("odd.jar")
                .source("com.acme.Nothing", "package com.acme; public final class Nothing {}")
                .service("dev.k6j.spi.JsModule", "com.acme.Nothing")
                .build(plugins);

        assertThat(brokenReason()).contains("(com.acme.Nothing) is listed as a provider but implements neither");
    }

    @Test
    void theSecondOfTwoJarsWithOnePluginIdIsBrokenNamingTheFirst() throws Exception {
        module("one.jar", "com.acme.One", "k6/x/one", "\"1\"").manifest("Plugin-Id", "same").build(plugins);
        module("two.jar", "com.acme.Two", "k6/x/two", "\"2\"").manifest("Plugin-Id", "same").build(plugins);

        assertThat(brokenReason()).contains("could not load the plugin " + plugins.resolve("two.jar"))
                .contains("it has the plugin id 'same' of " + plugins.resolve("one.jar"));
    }

    @Test
    void aPluginListedInDisabledTxtIsSkippedAsPf4jDoes() throws Exception {
        module("greeter.jar", "com.acme.Greeter", "k6/x/greeter", "\"hi\"").build(plugins);
        module("other.jar", "com.acme.Other", "k6/x/other", "\"ho\"").build(plugins);
        Files.writeString(plugins.resolve("disabled.txt"), "greeter\n");

        try (ExtensionRegistry registry = ExtensionRegistry.discover(new PluginFinder(plugins))) {
            assertThat(registry.jsModules()).containsOnlyKeys("k6/x/other");
        }
    }

    @Test
    void anEmptyOrAbsentFolderHasNoPlugins() {
        try (PluginFinder finder = new PluginFinder(plugins)) {
            assertThat(finder.find()).isEqualTo(FoundExtensions.NONE);
        }
        try (PluginFinder finder = new PluginFinder(dir.resolve("nowhere"))) {
            assertThat(finder.find()).isEqualTo(FoundExtensions.NONE);
        }
    }

    @Test
    void pluginOriginsSayPlugin() throws Exception {
        module("greeter.jar", "com.acme.Greeter", "k6/x/greeter", "\"hi\"").build(plugins);
        try (PluginFinder finder = new PluginFinder(plugins)) {
            assertThat(finder.find().modules()).singleElement()
                    .satisfies(found -> assertThat(found.origin().kind()).isEqualTo(ExtensionOrigin.Kind.PLUGIN));
        }
    }

    /** A JS module whose one export, {@code value}, is the given Java expression. */
    private static ExtensionJar module(String jarName, String className, String moduleName, String valueExpression) {
        int dot = className.lastIndexOf('.');
        return ExtensionJar.named(jarName)
                .source(className, """
                        package %s;
                        import dev.k6j.spi.*;
                        import java.util.Map;
                        public final class %s implements JsModule {
                            public String name() { return "%s"; }
                            public ModuleInstance newInstance(Vu vu) { return () -> Exports.of(Map.of("value", %s)); }
                        }
                        """.formatted(className.substring(0, dot), className.substring(dot + 1), moduleName,
                        valueExpression))
                .service("dev.k6j.spi.JsModule", className);
    }

    private static Path library(String version, Path into) throws IOException {
        return ExtensionJar.named("lib.jar")
                .source("com.lib.Lib", "package com.lib; public final class Lib { public static String version() {"
                        + " return \"library " + version + "\"; } }")
                .build(into);
    }

    private static byte[] entry(Path jar, String name) throws IOException {
        try (JarFile file = new JarFile(jar.toFile()); InputStream in = file.getInputStream(file.getEntry(name))) {
            return in.readAllBytes();
        }
    }

    private static Object exported(JsModule module) {
        return module.newInstance(null).exports().named().get("value");
    }
}

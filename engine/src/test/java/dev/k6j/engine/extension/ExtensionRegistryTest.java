package dev.k6j.engine.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.output.csv.CsvOutputFactory;
import dev.k6j.engine.output.json.JsonOutputFactory;
import dev.k6j.spi.JsModule;
import dev.k6j.spi.ModuleInstance;
import dev.k6j.spi.Output;
import dev.k6j.spi.OutputFactory;
import dev.k6j.spi.OutputParams;
import dev.k6j.spi.Vu;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionRegistryTest {

    @TempDir
    Path dir;

    @Test
    void discoveryFindsTheBuiltInJsonAndCsvOutputsFromTheServicesFile() {
        ExtensionRegistry registry = ExtensionRegistry.discover(getClass().getClassLoader());

        assertThat(registry.outputs()).containsOnlyKeys("csv", "json");
        assertThat(registry.outputs().get("json")).isInstanceOf(JsonOutputFactory.class);
        assertThat(registry.findOutput("csv")).get().isInstanceOf(CsvOutputFactory.class);
        assertThat(registry.findOutput("influxdb")).isEmpty();
        assertThat(registry.describe()).extracting(ExtensionInfo::name, ExtensionInfo::kind, ExtensionInfo::source)
                .endsWith(
                        org.assertj.core.groups.Tuple.tuple("csv", "output", "built-in"),
                        org.assertj.core.groups.Tuple.tuple("json", "output", "built-in"))
                .contains(org.assertj.core.groups.Tuple.tuple("k6", "js", "built-in"));
    }

    @Test
    void discoveryFindsAnExtensionModuleInAJarWithItsVersionAndJarName() throws Exception {
        Path jar = greeterJar("xk6-greeter.jar", "com.acme.Greeter", "k6/x/greeter").version("1.2.3").build(dir);

        try (URLClassLoader loader = ExtensionJar.loaderOf(jar)) {
            ExtensionRegistry registry = ExtensionRegistry.discover(loader);

            assertThat(registry.jsModules()).containsKey("k6/x/greeter")
                    .allSatisfy((name, module) -> assertThat(name.equals("k6/x/greeter")
                            || module.getClass().getName().startsWith("dev.k6j.engine.")).isTrue());
            assertThat(registry.describe()).contains(
                    new ExtensionInfo("k6/x/greeter", "js", "1.2.3", "xk6-greeter.jar"));
            assertThat(registry.describe().getFirst().kind()).isEqualTo("js");
        }
    }

    @Test
    void twoJarsProvidingOneModuleIsAnErrorNamingBothJars() throws Exception {
        Path first = greeterJar("greeter-a.jar", "com.acme.Greeter", "k6/x/greeter").build(dir);
        Path second = greeterJar("greeter-b.jar", "org.other.OtherGreeter", "k6/x/greeter").build(dir);

        try (URLClassLoader loader = ExtensionJar.loaderOf(first, second)) {
            assertThatThrownBy(() -> ExtensionRegistry.discover(loader))
                    .isInstanceOfSatisfying(K6jException.class,
                            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG))
                    .hasMessageContaining("JS module 'k6/x/greeter' is provided twice")
                    .hasMessageContaining("greeter-a.jar (com.acme.Greeter)")
                    .hasMessageContaining("greeter-b.jar (org.other.OtherGreeter)");
        }
    }

    @Test
    void anExtensionOutputReusingABuiltInNameIsAnErrorNamingBothProviders() throws Exception {
        Path jar = ExtensionJar.named("acme-json.jar")
                .source("com.acme.AcmeJson", """
                        package com.acme;
                        import dev.k6j.spi.*;
                        public final class AcmeJson implements OutputFactory {
                            public String name() { return "json"; }
                            public Output create(OutputParams params) { throw new IllegalArgumentException("unused"); }
                        }
                        """)
                .service("dev.k6j.spi.OutputFactory", "com.acme.AcmeJson")
                .build(dir);

        try (URLClassLoader loader = ExtensionJar.loaderOf(jar)) {
            assertThatThrownBy(() -> ExtensionRegistry.discover(loader))
                    .isInstanceOf(K6jException.class)
                    .hasMessageContaining("output 'json' is provided twice")
                    .hasMessageContaining("built-in (" + JsonOutputFactory.class.getName() + ")")
                    .hasMessageContaining("acme-json.jar (com.acme.AcmeJson)");
        }
    }

    @Test
    void anExtensionModuleOutsideK6xIsRejected() throws Exception {
        for (String name : List.of("greeter", "k6/http", "k6", "k6/x/")) {
            Path jar = greeterJar("bad-" + name.replace('/', '_') + ".jar", "com.acme.Greeter", name).build(dir);
            try (URLClassLoader loader = ExtensionJar.loaderOf(jar)) {
                assertThatThrownBy(() -> ExtensionRegistry.discover(loader))
                        .as(name)
                        .isInstanceOf(K6jException.class)
                        .hasMessageContaining("JS module '" + name + "'")
                        .hasMessageContaining("(com.acme.Greeter) must be named k6/x/<name>");
            }
        }
    }

    @Test
    void theEngineMayProvideK6NamesButNotOthers() {
        assertThat(ExtensionRegistry.of(List.of(new EngineModule("k6/http")), List.of()).jsModules())
                .containsOnlyKeys("k6/http");
        assertThatThrownBy(() -> ExtensionRegistry.of(List.of(new EngineModule("http")), List.of()))
                .isInstanceOf(K6jException.class)
                .hasMessageContaining("built-in JS module 'http'");
    }

    @Test
    void anAliasFindsItsOutputAndAnAliasClashIsAnError() {
        OutputFactory rw = new NamedFactory("experimental-prometheus-rw", Set.of("prometheus-rw"));
        ExtensionRegistry registry = ExtensionRegistry.of(List.of(), List.of(rw));

        assertThat(registry.findOutput("prometheus-rw")).containsSame(rw);
        assertThat(registry.outputs()).containsOnlyKeys("experimental-prometheus-rw");
        assertThatThrownBy(() -> ExtensionRegistry.of(List.of(), List.of(rw, new NamedFactory("prometheus-rw", Set.of()))))
                .isInstanceOf(K6jException.class)
                .hasMessageContaining("output 'prometheus-rw' is provided twice");
    }

    @Test
    void aModuleAnswersToItsAliasesWhichMustBeK6xNamesOrK6NamesLeftToExtensions() {
        JsModule websockets = new AliasedModule("k6/x/websockets", List.of("k6/websockets", "k6/ws"));
        assertThat(ExtensionRegistry.of(List.of(websockets), List.of()).jsModules())
                .containsOnlyKeys("k6/x/websockets", "k6/websockets", "k6/ws")
                .allSatisfy((name, module) -> assertThat(module).isSameAs(websockets));
        assertThat(ExtensionRegistry.of(List.of(websockets), List.of()).describe())
                .extracting(ExtensionInfo::name).containsExactly("k6/x/websockets (also k6/websockets, k6/ws)");

        assertThatThrownBy(() -> ExtensionRegistry.of(
                List.of(new AliasedModule("k6/x/evil", List.of("k6/http"))), List.of()))
                .isInstanceOf(K6jException.class)
                .hasMessageContaining("has the alias 'k6/http': an alias must be named k6/x/<name> or be one of");
    }

    @Test
    void anAliasClashingWithAnotherModuleIsAnError() {
        assertThatThrownBy(() -> ExtensionRegistry.of(List.of(new EngineModule("k6/x/a"),
                new AliasedModule("k6/x/b", List.of("k6/x/a"))), List.of()))
                .isInstanceOf(K6jException.class)
                .hasMessageContaining("JS module 'k6/x/a' is provided twice");
        assertThatThrownBy(() -> ExtensionRegistry.of(List.of(new AliasedModule("k6/x/a", List.of("k6/ws")),
                new AliasedModule("k6/x/b", List.of("k6/ws"))), List.of()))
                .isInstanceOf(K6jException.class)
                .hasMessageContaining("JS module 'k6/ws' is provided twice");
    }

    @Test
    void anOutputNameWithAnEqualsSignIsRejected() {
        assertThatThrownBy(() -> ExtensionRegistry.of(List.of(), List.of(new NamedFactory("a=b", Set.of()))))
                .isInstanceOf(K6jException.class)
                .hasMessageContaining("unusable name 'a=b'");
    }

    @Test
    void aBrokenServicesEntryIsAClearError() throws Exception {
        Path jar = ExtensionJar.named("broken.jar")
                .source("com.acme.Nothing", "package com.acme; public final class Nothing {}")
                .service("dev.k6j.spi.OutputFactory", "com.acme.Missing")
                .build(dir);

        try (URLClassLoader loader = ExtensionJar.loaderOf(jar)) {
            assertThatThrownBy(() -> ExtensionRegistry.discover(loader))
                    .isInstanceOf(K6jException.class)
                    .hasMessageContaining("could not load output extensions")
                    .hasMessageContaining("com.acme.Missing");
        }
    }

    @Test
    void aJarBuiltForAnotherSpiIsRejectedBeforeItsProviderIsCreated() throws Exception {
        Path jar = greeterJar("greeter-next.jar", "com.acme.Greeter", "k6/x/greeter")
                .manifest(SpiCompatibility.MANIFEST_ATTRIBUTE, "[99.0,100.0)").build(dir);

        try (URLClassLoader loader = ExtensionJar.loaderOf(jar)) {
            assertThatThrownBy(() -> ExtensionRegistry.discover(loader))
                    .isInstanceOf(K6jException.class)
                    .hasMessageContaining("greeter-next.jar was built for the k6j SPI [99.0,100.0)")
                    .hasMessageContaining("this engine has SPI " + SpiVersion.current());
        }
    }

    @Test
    void aJarBuiltForThisSpiIsAccepted() throws Exception {
        Path jar = greeterJar("greeter-now.jar", "com.acme.Greeter", "k6/x/greeter")
                .manifest(SpiCompatibility.MANIFEST_ATTRIBUTE, "[0.0,)").build(dir);

        try (URLClassLoader loader = ExtensionJar.loaderOf(jar);
                ExtensionRegistry registry = ExtensionRegistry.discover(loader)) {
            assertThat(registry.jsModules()).containsKey("k6/x/greeter");
        }
    }

    static ExtensionJar greeterJar(String jarName, String className, String moduleName) {
        int dot = className.lastIndexOf('.');
        return ExtensionJar.named(jarName)
                .source(className, """
                        package %s;
                        import dev.k6j.spi.*;
                        public final class %s implements JsModule {
                            public String name() { return "%s"; }
                            public ModuleInstance newInstance(Vu vu) { return () -> null; }
                        }
                        """.formatted(className.substring(0, dot), className.substring(dot + 1), moduleName))
                .service("dev.k6j.spi.JsModule", className);
    }

    /** A module whose class is in the engine's package, like the engine's own built-ins. */
    private record EngineModule(String name) implements JsModule {
        @Override
        public ModuleInstance newInstance(Vu vu) {
            return () -> null;
        }
    }

    private record AliasedModule(String name, List<String> aliases) implements JsModule {
        @Override
        public ModuleInstance newInstance(Vu vu) {
            return () -> null;
        }
    }

    private record NamedFactory(String name, Set<String> aliases) implements OutputFactory {
        @Override
        public Output create(OutputParams params) {
            throw new UnsupportedOperationException();
        }
    }
}

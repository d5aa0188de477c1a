package dev.k6j.engine.extension.ondemand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.extension.ExtensionInfo;
import dev.k6j.engine.extension.ExtensionJar;
import dev.k6j.engine.extension.ExtensionRegistry;
import dev.k6j.engine.js.Script;
import dev.k6j.spi.JsModule;
import dev.k6j.spi.ModuleInstance;
import dev.k6j.spi.Vu;
import dev.k6j.testbed.maven.MavenRepositoryFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's side of extensions on demand, in this JVM: a module a script imports is resolved from a repository
 * in a folder, with its library, loaded in its own class loader and added to the registry; directives choose its
 * version and are checked against what is present; the failures carry k6's exit codes.
 */
class OnDemandExtensionsTest {

    @TempDir
    Path tmp;
    MavenRepositoryFolder repository;
    OnDemandSettings settings;
    final List<String> info = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void publish() throws IOException {
        repository = new MavenRepositoryFolder(tmp.resolve("repo"));
        Path lib = ExtensionJar.named("words.jar")
                .source("com.acme.words.Words", "package com.acme.words; public final class Words {"
                        + " public static String hello() { return \"hello from a library\"; } }")
                .build(Files.createDirectories(tmp.resolve("build")));
        repository.publish("com.acme", "words", "1.0.0", Files.readAllBytes(lib),
                MavenRepositoryFolder.pom("com.acme", "words", "1.0.0", List.of(), List.of()));
        for (String version : List.of("1.0.0", "1.1.0")) {
            Path module = ExtensionJar.named("hello-" + version + ".jar")
                    .source("com.acme.hello.Hello", """
                            package com.acme.hello;
                            import dev.k6j.spi.*;
                            import java.util.Map;
                            public final class Hello implements JsModule {
                                public String name() { return "k6/x/hello"; }
                                public String version() { return "%s (" + com.acme.words.Words.hello() + ")"; }
                                public ModuleInstance newInstance(Vu vu) { return () -> Exports.of(Map.of()); }
                            }
                            """.formatted(version))
                    .service("dev.k6j.spi.JsModule", "com.acme.hello.Hello")
                    .manifest("K6j-Spi-Requires", "[0.1,0.2)")
                    .compileAgainst(lib)
                    .build(tmp.resolve("build"));
            repository.publish("com.acme", "k6j-hello", version, Files.readAllBytes(module),
                    MavenRepositoryFolder.pom("com.acme", "k6j-hello", version, List.of("com.acme:words:1.0.0"),
                            List.of("dev.k6j:k6j-spi:0.1.0")));
        }
        Path catalog = Files.writeString(tmp.resolve("catalog.json"), """
                {"k6/x/hello": {"coordinates": "com.acme:k6j-hello", "description": "says hello",
                                "repository": {"id": "folder", "url": "%s"}}}
                """.formatted(repository.url()));
        Path mavenSettings = Files.writeString(tmp.resolve("settings.xml"), """
                <settings><mirrors><mirror><id>folder</id><mirrorOf>central</mirrorOf><url>%s</url></mirror></mirrors></settings>
                """.formatted(repository.url()));
        settings = new OnDemandSettings(true, false, catalog.toString(), tmp.resolve("cache"), mavenSettings,
                tmp.resolve("local"));
    }

    private ScriptNeeds needs(String source, String... outs) throws IOException {
        Path file = Files.writeString(tmp.resolve("script.js"), source);
        return ScriptNeeds.of(Script.fromFile(file), List.of(outs), tmp);
    }

    private ExtensionRegistry complete(ExtensionRegistry registry, ScriptNeeds needs) {
        return new OnDemandExtensions(settings, tmp, info::add, warnings::add).complete(registry, needs);
    }

    @Test
    void aMissingModuleIsResolvedWithItsLibraryAndAddedToTheRegistry() throws IOException {
        ScriptNeeds needs = needs("import hello from 'k6/x/hello';\nexport default function () {}\n");

        try (ExtensionRegistry registry = complete(ExtensionRegistry.discover(getClass().getClassLoader()), needs)) {
            ExtensionInfo hello = registry.moduleInfo("k6/x/hello").orElseThrow();
            assertThat(hello.version()).isEqualTo("1.1.0 (hello from a library)");
            assertThat(hello.source()).isEqualTo("on demand com.acme:k6j-hello:1.1.0 from folder (" + repository.url() + ")");
            assertThat(registry.moduleInfo("k6/http")).isPresent();
        }
        assertThat(info).containsExactly("added k6/x/hello 1.1.0 on demand: com.acme:k6j-hello:1.1.0 from folder ("
                + repository.url() + ")");
    }

    @Test
    void aDirectivePicksTheVersionAndASecondRunComesFromTheCache() throws IOException {
        ScriptNeeds needs = needs("\"use k6 with k6/x/hello ~1.0\";\nimport hello from 'k6/x/hello';\n");

        complete(ExtensionRegistry.discover(getClass().getClassLoader()), needs).close();
        try (ExtensionRegistry again = complete(ExtensionRegistry.discover(getClass().getClassLoader()), needs)) {
            assertThat(again.moduleInfo("k6/x/hello").orElseThrow().version()).startsWith("1.0.0");
        }
        assertThat(info).hasSize(2);
        assertThat(info.get(1)).endsWith("(resolved before; cached)");
    }

    @Test
    void aPresentModuleThatMissesTheDirectivesConstraintCannotBeSwapped() throws IOException {
        ScriptNeeds needs = needs("\"use k6 with k6/x/hello >= 2.0\";\nimport hello from 'k6/x/hello';\n");
        ExtensionRegistry present = ExtensionRegistry.of(List.of(new PresentHello()), List.of());

        assertThatThrownBy(() -> complete(present, needs))
                .isInstanceOf(K6jException.class)
                .hasMessageStartingWith("k6/x/hello >=2.0 is asked for by the directive \"use k6 with k6/x/hello >= 2.0\""
                        + " in " + tmp.resolve("script.js") + ", but this k6j has k6/x/hello 1.4.0 [")
                .hasMessageContaining("cannot be swapped while it runs")
                .extracting(e -> ((K6jException) e).exitCode()).isEqualTo(ExitCode.SCRIPT_EXCEPTION);
    }

    @Test
    void whatNoCatalogOffersFailsWith107ForAnImportAnd104ForAnOutput() throws IOException {
        ExtensionRegistry registry = ExtensionRegistry.discover(getClass().getClassLoader());

        assertThatThrownBy(() -> complete(registry, needs("import x from 'k6/x/nope';\n")))
                .hasMessageStartingWith("k6/x/nope is not in this k6j and no extension catalog offers it")
                .extracting(e -> ((K6jException) e).exitCode()).isEqualTo(ExitCode.SCRIPT_EXCEPTION);
        assertThatThrownBy(() -> complete(registry, needs("export default function () {}\n", "nope=config")))
                .hasMessageStartingWith("--out nope is not in this k6j and no extension catalog offers it")
                .extracting(e -> ((K6jException) e).exitCode()).isEqualTo(ExitCode.INVALID_CONFIG);
        registry.close();
    }

    @Test
    void offTheRegistryIsLeftAsItIs() throws IOException {
        settings = new OnDemandSettings(false, false, null, tmp.resolve("cache"), null, null);
        ExtensionRegistry registry = ExtensionRegistry.discover(getClass().getClassLoader());

        assertThat(complete(registry, needs("\"use k6 >= 9\";\nimport x from 'k6/x/nope';\n"))).isSameAs(registry);
        registry.close();
    }

    @Test
    void k6sOwnModulesAndPresentOutputsNeedNothing() throws IOException {
        ExtensionRegistry registry = ExtensionRegistry.discover(getClass().getClassLoader());

        assertThat(complete(registry, needs("\"use k6 >= 1.0\";\nimport http from 'k6/http';\n", "json=out.json")))
                .isSameAs(registry);
        registry.close();
        assertThat(info).isEmpty();
    }

    /** A module already present, at 1.4.0. */
    public static final class PresentHello implements JsModule {
        @Override
        public String name() {
            return "k6/x/hello";
        }

        @Override
        public String version() {
            return "1.4.0";
        }

        @Override
        public ModuleInstance newInstance(Vu vu) {
            throw new UnsupportedOperationException();
        }
    }
}

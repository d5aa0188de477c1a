package dev.k6j.bundler.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarMergerTest {

    @TempDir
    Path dir;

    @Test
    void servicesAreConcatenatedOnceEachAndSignaturesManifestsAndModuleInfoAreDropped() throws IOException {
        Path a = jar("a.jar", Map.of(
                "META-INF/services/dev.k6j.spi.JsModule", "# a's modules\ncom.a.One\ncom.shared.Both\n",
                "META-INF/A.SF", "signature", "META-INF/A.RSA", "key", "module-info.class", "module",
                "META-INF/versions/11/module-info.class", "module", "com/a/One.class", "a-one"));
        Path b = jar("b.jar", Map.of(
                "META-INF/services/dev.k6j.spi.JsModule", "com.shared.Both\ncom.b.Two # inline comment\n",
                "META-INF/versions/17/com/b/Two.class", "b-two-17", "com/b/Two.class", "b-two"));

        MergeReport report = merge(List.of(a, b));

        Map<String, String> merged = entries(dir.resolve("out.jar"));
        assertThat(merged.get("META-INF/services/dev.k6j.spi.JsModule")).isEqualTo("com.a.One\ncom.shared.Both\ncom.b.Two\n");
        assertThat(merged).containsKeys("com/a/One.class", "com/b/Two.class", "META-INF/versions/17/com/b/Two.class")
                .doesNotContainKeys("META-INF/A.SF", "META-INF/A.RSA", "module-info.class",
                        "META-INF/versions/11/module-info.class");
        assertThat(report.duplicates()).isEmpty();
        try (JarFile jar = new JarFile(dir.resolve("out.jar").toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("test.Main");
            assertThat(jar.isMultiRelease()).isTrue();
        }
    }

    @Test
    void theFirstCopyWinsAndOnlyDifferingDuplicatesAreReported() throws IOException {
        Path a = jar("a.jar", Map.of("com/x/Util.class", "version a", "com/x/Same.class", "same",
                "META-INF/LICENSE", "a's licence", "data/config.json", "{a}"));
        Path b = jar("b.jar", Map.of("com/x/Util.class", "version b", "com/x/Same.class", "same",
                "META-INF/LICENSE", "b's licence", "data/config.json", "{b}"));

        MergeReport report = merge(List.of(a, b));

        assertThat(entries(dir.resolve("out.jar"))).containsEntry("com/x/Util.class", "version a")
                .containsEntry("data/config.json", "{a}");
        assertThat(report.duplicates()).containsExactly(
                new MergeReport.Duplicate("com/x/Util.class", "a.jar", "b.jar"),
                new MergeReport.Duplicate("data/config.json", "a.jar", "b.jar"));
        assertThat(report.summary()).containsExactly(
                "1 class and 1 resource in both a.jar and b.jar differ (a.jar's kept), e.g. com/x/Util.class");
    }

    @Test
    void aClassesFolderMergesLikeAJarAndTheSameInputsMakeTheSameBytes() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/com/c"));
        Files.writeString(classes.resolve("C.class"), "c");
        Path a = jar("a.jar", Map.of("com/a/A.class", "a"));

        merge(List.of(dir.resolve("classes"), a));
        byte[] first = Files.readAllBytes(dir.resolve("out.jar"));
        merge(List.of(dir.resolve("classes"), a));

        assertThat(entries(dir.resolve("out.jar"))).containsKeys("com/c/C.class", "com/a/A.class");
        assertThat(Files.readAllBytes(dir.resolve("out.jar"))).isEqualTo(first);
    }

    @Test
    void nettysVersionFilesAreAppended() throws IOException {
        Path a = jar("a.jar", Map.of("META-INF/io.netty.versions.properties", "netty-common.version=4.2\n"));
        Path b = jar("b.jar", Map.of("META-INF/io.netty.versions.properties", "netty-buffer.version=4.2\n"));

        merge(List.of(a, b));

        assertThat(entries(dir.resolve("out.jar")).get("META-INF/io.netty.versions.properties"))
                .isEqualTo("netty-common.version=4.2\nnetty-buffer.version=4.2\n");
    }

    private MergeReport merge(List<Path> inputs) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "test.Main");
        manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
        return new JarMerger().merge(inputs.stream().map(p -> new JarMerger.Input(p.getFileName().toString(), p))
                .toList(), manifest, Map.of(), dir.resolve("out.jar"));
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = dir.resolve(name);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Map<String, String> entries(Path jar) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().filter(e -> !e.isDirectory()).toList()) {
                entries.put(entry.getName(), new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}

package dev.k6j.bundler.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.extension.BundleContents;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundle record is a contract between the bundler, which writes it, and the engine, which reads it. */
class BundleRecordTest {

    @TempDir
    Path dir;

    @Test
    void theEngineReadsWhatTheBundlerWrites() throws Exception {
        byte[] record = BundleRecord.write("dev.k6j:k6j-engine:0.1.0", "0.1.0", "25.0.3", "0.1.0", List.of(
                new BundleRecord.Extension("com.example:k6j-greeting:1.0.0", "1.0.0", "[0.1,0.2)",
                        List.of("com.example.greeting.GreetingModule")),
                new BundleRecord.Extension("counter-output.jar", null, null,
                        List.of("com.acme.counter.CounterOutputFactory", "com.acme.counter.Other"))));
        Path jar = dir.resolve("bundle.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(BundleRecord.RESOURCE));
            out.write(record);
            out.closeEntry();
        }

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            BundleContents contents = BundleContents.read(loader);

            assertThat(BundleRecord.RESOURCE).isEqualTo(BundleContents.RESOURCE);
            assertThat(contents.engine()).contains("dev.k6j:k6j-engine:0.1.0");
            assertThat(contents.extensions()).extracting(BundleContents.BundledExtension::coordinates)
                    .containsExactly("com.example:k6j-greeting:1.0.0", "counter-output.jar");
            assertThat(contents.providing("com.example.greeting.GreetingModule").orElseThrow().spiRequires())
                    .isEqualTo("[0.1,0.2)");
            BundleContents.BundledExtension counter = contents.providing("com.acme.counter.Other").orElseThrow();
            assertThat(counter.version()).isNull();
            assertThat(counter.spiRequires()).isNull();
        }
    }
}

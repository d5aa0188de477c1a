package dev.k6j.engine.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BundleContentsTest {

    @Test
    void readsWhatTheBundlerRecordedPerArtifact() throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader("""
                engine=dev.k6j:k6j-engine:0.1.0
                extensions=2
                extension.1.coordinates=com.example:k6j-greeting:1.0.0
                extension.1.version=1.0.0
                extension.1.spiRequires=[0.1,0.2)
                extension.1.providers=com.example.greeting.GreetingModule, com.example.greeting.Other
                extension.2.coordinates=counter-output.jar
                extension.2.providers=com.acme.Counter
                """));

        BundleContents bundle = BundleContents.parse(properties);

        assertThat(bundle.isBundle()).isTrue();
        assertThat(bundle.engine()).contains("dev.k6j:k6j-engine:0.1.0");
        assertThat(bundle.providing("com.example.greeting.Other")).get()
                .extracting(BundleContents.BundledExtension::coordinates, BundleContents.BundledExtension::spiRequires)
                .containsExactly("com.example:k6j-greeting:1.0.0", "[0.1,0.2)");
        assertThat(bundle.providing("com.acme.Counter").orElseThrow().spiRequires()).isNull();
        assertThat(bundle.providing("com.acme.Nobody")).isEmpty();
    }

    @Test
    void outsideABundleThereIsNothing() {
        BundleContents contents = BundleContents.read(getClass().getClassLoader());
        assertThat(contents.isBundle()).isFalse();
        assertThat(contents.extensions()).isEmpty();
    }
}

package dev.k6j.bundler.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.bundler.BundlerException;
import dev.k6j.bundler.BundlerVersion;
import java.nio.file.Path;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckoutTest {

    @Test
    void theBundlerFindsTheCheckoutItRunsFromAndOffersItsModulesAsAReactor() {
        Checkout checkout = Checkout.locate(null).orElseThrow();
        LocalArtifacts artifacts = new LocalArtifacts();
        checkout.register(artifacts);

        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(checkout.root()).isEqualTo(root);
        assertThat(checkout.version()).isEqualTo(BundlerVersion.get());
        String version = checkout.version();
        assertThat(artifacts.findArtifact(new DefaultArtifact("dev.k6j:k6j-engine:jar:" + version)))
                .isEqualTo(root.resolve("engine/target/classes").toFile());
        assertThat(artifacts.findArtifact(new DefaultArtifact("dev.k6j:k6j-engine:pom:" + version)))
                .isEqualTo(root.resolve("engine/pom.xml").toFile());
        assertThat(artifacts.findArtifact(new DefaultArtifact("dev.k6j:k6j-parent:pom:" + version)))
                .isEqualTo(root.resolve("pom.xml").toFile());
        assertThat(artifacts.findArtifact(new DefaultArtifact("dev.k6j:k6j-engine:jar:9.9.9"))).isNull();
        assertThat(artifacts.originOf("dev.k6j", "k6j-engine", version)).isEqualTo("the checkout " + root);
    }

    @Test
    void aFolderThatIsNoCheckoutIsRefusedWhenNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> Checkout.locate(dir)).isInstanceOf(BundlerException.class)
                .hasMessageContaining("is not a k6j checkout");
    }
}

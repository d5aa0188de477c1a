package dev.k6j.bundler.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.bundler.BundlerException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionRequestTest {

    @TempDir
    Path dir;

    @Test
    void shortNamesCoordinatesJarsAndProjectsAreToldApart() throws Exception {
        Files.writeString(dir.resolve("ext.jar"), "");
        Files.createDirectories(dir.resolve("project"));
        Files.writeString(dir.resolve("project/pom.xml"), "<project/>");

        assertThat(ExtensionRequest.parse("tcp", dir)).isInstanceOfSatisfying(ExtensionRequest.ShortName.class,
                s -> assertThat(s.entry().artifactId()).isEqualTo("k6j-module-tcp"));
        assertThat(ExtensionRequest.parse("com.acme:redis:1.2.0", dir))
                .isEqualTo(new ExtensionRequest.Coordinates("com.acme:redis:1.2.0", "com.acme", "redis", "1.2.0"));
        assertThat(ExtensionRequest.parse("com.acme:redis", dir))
                .isEqualTo(new ExtensionRequest.Coordinates("com.acme:redis", "com.acme", "redis", null));
        assertThat(ExtensionRequest.parse("ext.jar", dir)).isEqualTo(new ExtensionRequest.LocalJar("ext.jar", dir.resolve("ext.jar")));
        assertThat(ExtensionRequest.parse("./project", dir))
                .isEqualTo(new ExtensionRequest.LocalProject("./project", dir.resolve("project")));
    }

    @Test
    void mistakesGetOneClearLine() throws Exception {
        Files.createDirectories(dir.resolve("empty"));

        assertThatThrownBy(() -> ExtensionRequest.parse("redis", dir)).isInstanceOf(BundlerException.class)
                .hasMessage("--with redis: not a k6j extension name (tcp, websockets, grpc, prometheus, kafka,"
                        + " web-dashboard; see"
                        + " bundler list); give other extensions as group:artifact[:version] or a path");
        assertThatThrownBy(() -> ExtensionRequest.parse("a:b:c:d", dir))
                .hasMessageContaining("write Maven coordinates as group:artifact[:version]");
        assertThatThrownBy(() -> ExtensionRequest.parse("missing.jar", dir)).hasMessageContaining("no such file");
        assertThatThrownBy(() -> ExtensionRequest.parse("empty", dir)).hasMessageContaining("has no pom.xml");
    }

    @Test
    void replacementsTakeCoordinatesWithAVersionOrAPath() throws Exception {
        Files.writeString(dir.resolve("fork.jar"), "");

        assertThat(Replacement.parse("org.slf4j:slf4j-api=org.slf4j:slf4j-api:2.0.16", dir))
                .isEqualTo(new Replacement("org.slf4j", "slf4j-api", new ExtensionRequest.Coordinates(
                        "org.slf4j:slf4j-api:2.0.16", "org.slf4j", "slf4j-api", "2.0.16")));
        assertThat(Replacement.parse("com.acme:lib=fork.jar", dir).with()).isInstanceOf(ExtensionRequest.LocalJar.class);
        assertThatThrownBy(() -> Replacement.parse("com.acme:lib:1.0=x:y:2", dir)).hasMessageContaining("without a version");
        assertThatThrownBy(() -> Replacement.parse("com.acme:lib=x:y", dir)).hasMessageContaining("give the replacement's version");
        assertThatThrownBy(() -> Replacement.parse("com.acme:lib", dir)).hasMessageContaining("write group:artifact=");
    }
}

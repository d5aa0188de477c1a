package dev.k6j.output.kafka;

import eu.maveniverse.maven.mima.context.Context;
import eu.maveniverse.maven.mima.context.ContextOverrides;
import eu.maveniverse.maven.mima.context.Runtimes;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * A class loader holding Kafka's in-process test kit ({@code kafka-test-common-runtime} and {@code kafka_2.13}) with
 * its own Kafka client, apart from the tests' class path. The kit exists only up to 4.3.1 and needs client classes
 * that 4.4 moved, so it cannot share the tests' 4.4 client. Its jars are resolved with Maven Resolver (local
 * repository first), once per test JVM, at the version the build passes in {@code kafka.testkit.version}.
 */
final class TestKitClassLoader {

    private static ClassLoader loader;

    private TestKitClassLoader() {
    }

    /** The loader, resolved on first use. */
    static synchronized ClassLoader get() throws Exception {
        if (loader == null) {
            String version = System.getProperty("kafka.testkit.version", "4.3.1");
            List<URL> jars = new ArrayList<>();
            for (ArtifactResult result : resolve("org.apache.kafka:kafka-test-common-runtime:" + version,
                    "org.apache.kafka:kafka_2.13:" + version)) {
                jars.add(toUrl(result));
            }
            loader = new URLClassLoader("kafka-test-kit", jars.toArray(URL[]::new),
                    ClassLoader.getPlatformClassLoader());
        }
        return loader;
    }

    private static List<ArtifactResult> resolve(String... coordinates) throws Exception {
        try (Context context = Runtimes.INSTANCE.getRuntime().create(ContextOverrides.create().withUserSettings(true)
                .build())) {
            CollectRequest collect = new CollectRequest();
            for (String coordinate : coordinates) {
                collect.addDependency(new Dependency(new DefaultArtifact(coordinate), JavaScopes.RUNTIME));
            }
            collect.setRepositories(context.remoteRepositories());
            DependencyRequest request = new DependencyRequest(collect,
                    DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            return context.repositorySystem().resolveDependencies(context.repositorySystemSession(), request)
                    .getArtifactResults();
        }
    }

    private static URL toUrl(ArtifactResult result) {
        try {
            return result.getArtifact().getFile().toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.k6j.engine.modules.secrets;

import dev.k6j.engine.modules.GlueModule;
import dev.k6j.engine.secrets.SecretSources;
import dev.k6j.spi.PromiseHandle;
import dev.k6j.spi.Secrets;
import dev.k6j.spi.Vu;
import dev.k6j.spi.WithSecrets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The {@code k6/secrets} module: {@code await secrets.get(key)} from the default source and
 * {@code await secrets.source(name).get(key)}. {@code k6j run} hands it the run's secrets through the SPI
 * ({@link WithSecrets}), as it would a third party's module; the engine redacts the values they give out.
 */
public final class SecretsModule extends GlueModule implements WithSecrets {

    /** Lookups run here, not on the VU thread: the url source waits for a secret server. */
    private static final ExecutorService LOOKUPS =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("k6j-secrets-", 0).factory());

    private volatile Secrets secrets = SecretSources.none();

    public SecretsModule() {
        super("k6/secrets", "secrets.js");
    }

    @Override
    public void setSecrets(Secrets configured) {
        this.secrets = configured;
    }

    @Override
    protected Object host(Vu vu) {
        return new Host(vu, secrets);
    }

    /** Per-VU host of k6/secrets. Its methods run on the VU thread; the secrets are thread-safe. */
    public static final class Host {
        private final Vu vu;
        private final Secrets secrets;

        Host(Vu vu, Secrets secrets) {
            this.vu = vu;
            this.secrets = secrets;
        }

        /** A promise of the secret; {@code source} null means the default source. */
        @HostAccess.Export
        public Value get(String source, String key) {
            PromiseHandle promise = vu.eventLoop().newPromise();
            LOOKUPS.execute(() -> {
                try {
                    promise.resolve(secrets.get(source, key));
                } catch (RuntimeException e) {
                    promise.reject(e);
                }
            });
            return promise.promise();
        }
    }
}

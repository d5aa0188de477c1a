package dev.k6j.engine.modules.secrets;

import dev.k6j.engine.modules.GlueModule;
import dev.k6j.engine.secrets.SecretSources;
import dev.k6j.engine.vu.VirtualUser;
import dev.k6j.spi.PromiseHandle;
import dev.k6j.spi.Vu;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The {@code k6/secrets} module: {@code await secrets.get(key)} from the default source and
 * {@code await secrets.source(name).get(key)}. The CLI hands it the run's sources ({@link #configure}); the values it
 * gives out are redacted from log lines from then on.
 */
public final class SecretsModule extends GlueModule {

    /** Lookups run here, not on the VU thread: the url source waits for a secret server. */
    private static final ExecutorService LOOKUPS =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("k6j-secrets-", 0).factory());

    private volatile SecretSources sources = SecretSources.none();

    public SecretsModule() {
        super("k6/secrets", "secrets.js");
    }

    /** Sets the run's sources; called by {@code k6j run} before any VU exists. */
    public void configure(SecretSources configured) {
        this.sources = configured;
    }

    @Override
    protected Object host(Vu vu) {
        SecretSources current = sources;
        if (vu instanceof VirtualUser user) {
            user.environment().console().redactWith(current::redact);
        }
        return new Host(vu, current);
    }

    /** Per-VU host of k6/secrets. Its methods run on the VU thread; the sources are thread-safe. */
    public static final class Host {
        private final Vu vu;
        private final SecretSources sources;

        Host(Vu vu, SecretSources sources) {
            this.vu = vu;
            this.sources = sources;
        }

        /** A promise of the secret; {@code source} null means the default source. */
        @HostAccess.Export
        public Value get(String source, String key) {
            PromiseHandle promise = vu.eventLoop().newPromise();
            LOOKUPS.execute(() -> {
                try {
                    promise.resolve(sources.get(source, key));
                } catch (RuntimeException e) {
                    promise.reject(e);
                }
            });
            return promise.promise();
        }
    }
}

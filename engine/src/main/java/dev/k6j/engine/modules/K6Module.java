package dev.k6j.engine.modules;

import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.ValueType;
import dev.k6j.spi.Vu;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/** The {@code k6} module: {@code check}, {@code group}, {@code sleep}, {@code fail}, {@code randomSeed}. */
public final class K6Module extends GlueModule {

    public K6Module() {
        super("k6", "k6.js", Host::new);
    }

    /** Per-VU host of the k6 module. VU thread only. */
    public static final class Host {
        private final Vu vu;
        private final Metric checks;
        private final Metric groupDuration;
        /** The tags of each check name, for the VU's current tags (most checks run with the same ones every time). */
        private final Map<String, TagSet> checkTags = new HashMap<>();
        private TagSet checkTagsBase;

        Host(Vu vu) {
            this.vu = vu;
            this.checks = vu.metrics().register("checks", MetricType.RATE);
            this.groupDuration = vu.metrics().register("group_duration", MetricType.TREND, ValueType.TIME);
        }

        @HostAccess.Export
        public void check(String name, boolean passed, Value extraTags) {
            requireNotInit("check");
            TagSet tags;
            if (extraTags == null || extraTags.isNull()) {
                TagSet base = vu.state().tags();
                if (base != checkTagsBase || checkTags.size() > 256) {   // a bound for names made per iteration
                    checkTags.clear();
                    checkTagsBase = base;
                }
                tags = checkTags.computeIfAbsent(name, n -> base.with("check", n));
            } else {
                tags = Tags.merge(vu.state().tags(), extraTags, vu).with("check", name);
            }
            vu.emit(new Sample(checks, Sample.nowNanos(), passed ? 1 : 0, tags, vu.state().metadata()));
        }

        /** Enters a group; returns the path to restore on exit. */
        @HostAccess.Export
        public String enterGroup(String name) {
            requireNotInit("group");
            if (name.contains("::")) {
                throw vu.jsError("Error", "group and check names may not contain '::'");
            }
            String previous = vu.state().group();
            vu.state().setGroup(previous + "::" + name);
            return previous;
        }

        @HostAccess.Export
        public void exitGroup(String previousPath, double startMillis) {
            double elapsed = System.nanoTime() / 1e6 - startMillis;
            vu.emit(new Sample(groupDuration, Sample.nowNanos(), elapsed, vu.state().tags(), vu.state().metadata()));
            vu.state().setGroup(previousPath);
        }

        @HostAccess.Export
        public double now() {
            return System.nanoTime() / 1e6;
        }

        @HostAccess.Export
        public void sleep(double seconds) {
            if (!(seconds > 0)) {
                return;
            }
            try {
                Thread.sleep(Duration.ofNanos((long) (seconds * 1e9)));
            } catch (InterruptedException e) {
                // The VU is being stopped; the context interrupt that comes with it ends the script.
                Thread.currentThread().interrupt();
            }
        }

        private void requireNotInit(String what) {
            if (vu.state().inInitStage()) {
                throw vu.jsError("Error", what + "() can't be used in the init context (the script's top level); "
                        + "call it from default(), setup() or teardown()");
            }
        }
    }

}

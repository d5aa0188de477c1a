package dev.k6j.testbed.ws;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The subscribers of {@code /broadcast}, one group per interval: each group's ticker sends every member the same
 * message with a sequence number and the server's time.
 *
 * <p>Threads: any thread subscribes; the tickers run on one executor.
 */
final class Broadcaster {

    private final EventExecutor executor;
    private final Map<Long, Feed> feeds = new ConcurrentHashMap<>();

    Broadcaster(EventExecutor executor) {
        this.executor = executor;
    }

    void subscribe(Channel channel, long intervalMillis) {
        feeds.computeIfAbsent(intervalMillis, Feed::new).members.add(channel);
    }

    void unsubscribe(Channel channel) {
        feeds.values().forEach(feed -> feed.members.remove(channel));
    }

    void close() {
        feeds.values().forEach(feed -> feed.ticker.cancel(false));
    }

    private final class Feed {
        final ChannelGroup members = new DefaultChannelGroup(executor);
        final AtomicLong sequence = new AtomicLong();
        final ScheduledFuture<?> ticker;

        Feed(long intervalMillis) {
            ticker = executor.scheduleAtFixedRate(this::tick, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        }

        private void tick() {
            if (members.isEmpty()) {
                return;
            }
            Instant now = Instant.now();
            double ts = now.getEpochSecond() * 1000.0 + now.getNano() / 1e6;
            String message = String.format(java.util.Locale.ROOT, "{\"seq\":%d,\"ts\":%.3f,\"subscribers\":%d}",
                    sequence.incrementAndGet(), ts, members.size());
            members.writeAndFlush(new TextWebSocketFrame(message));
        }
    }
}

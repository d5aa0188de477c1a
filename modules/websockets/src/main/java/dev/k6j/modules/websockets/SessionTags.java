package dev.k6j.modules.websockets;

import dev.k6j.spi.TagSet;
import dev.k6j.spi.Vu;
import java.util.Map;
import java.util.Set;

/**
 * The tags of one WebSocket's samples, as k6 sets them: the VU's tags, the script's {@code tags} param, then the
 * enabled system tags {@code url} and {@code name} (both the URL, or both the script's {@code name} tag), and after
 * the upgrade {@code status} and {@code subproto}. Immutable.
 */
final class SessionTags {

    private final Set<String> systemTags;
    private final TagSet tags;

    private SessionTags(Set<String> systemTags, TagSet tags) {
        this.systemTags = systemTags;
        this.tags = tags;
    }

    /** The tags before connecting. VU thread. */
    static SessionTags start(Vu vu, String url, Map<String, String> userTags) {
        Set<String> system = vu.state().enabledSystemTags();
        TagSet tags = vu.state().tags().withAll(TagSet.of(userTags));
        String name = userTags.get("name");
        SessionTags start = new SessionTags(system, tags);
        return start.withSystem("url", name != null ? name : url).withSystem("name", name != null ? name : url);
    }

    /** With the upgrade's answer: {@code status} and {@code subproto}. */
    SessionTags answered(HandshakeResult handshake) {
        return withSystem("status", Integer.toString(handshake.status())).withSystem("subproto",
                handshake.subprotocol());
    }

    TagSet tags() {
        return tags;
    }

    private SessionTags withSystem(String name, String value) {
        return systemTags.contains(name) ? new SessionTags(systemTags, tags.with(name, value)) : this;
    }
}

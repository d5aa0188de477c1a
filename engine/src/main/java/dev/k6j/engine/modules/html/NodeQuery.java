package dev.k6j.engine.modules.html;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * What a Selection method's selector argument stands for: a CSS selector string, another Selection, or an Element.
 * Answers "does this node match?" the way goquery does for each kind. Thread-confined, like the nodes it checks.
 */
final class NodeQuery implements Predicate<Node> {

    private final String css;
    private final Set<Node> nodes;

    private NodeQuery(String css, Set<Node> nodes) {
        this.css = css;
        this.nodes = nodes;
    }

    static NodeQuery css(String selector) {
        return new NodeQuery(selector, null);
    }

    static NodeQuery nodes(List<Node> nodes) {
        Set<Node> set = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        set.addAll(nodes);
        return new NodeQuery(null, set);
    }

    /** The CSS selector, or {@code null} when this query is a set of nodes. */
    String cssSelector() {
        return css;
    }

    @Override
    public boolean test(Node node) {
        if (css != null) {
            return node instanceof Element element && !(element instanceof org.jsoup.nodes.Document)
                    && element.is(css);
        }
        return nodes.contains(node);
    }
}

package dev.k6j.engine.modules.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The nodes of one k6 Selection, in document order, without duplicates, and the selection it was made from
 * ({@code end()}). Immutable; the jsoup tree under it belongs to one VU and is only read. {@code html.js} wraps
 * it in a {@code Selection} object; traversal methods mirror goquery's, which k6 uses.
 */
public final class SelectionNodes {

    private final List<Node> nodes;
    private final SelectionNodes previous;

    SelectionNodes(List<Node> nodes, SelectionNodes previous) {
        this.nodes = List.copyOf(nodes);
        this.previous = previous;
    }

    static SelectionNodes of(Document document) {
        return new SelectionNodes(List.of(document), null);
    }

    List<Node> nodes() {
        return nodes;
    }

    int size() {
        return nodes.size();
    }

    SelectionNodes end() {
        return previous != null ? previous : new SelectionNodes(List.of(), null);
    }

    SelectionNodes derive(List<Node> result) {
        return new SelectionNodes(unique(result), this);
    }

    List<Element> elements() {
        List<Element> elements = new ArrayList<>();
        for (Node node : nodes) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    SelectionNodes find(NodeQuery query) {
        List<Node> found = new ArrayList<>();
        for (Element element : elements()) {
            if (query.cssSelector() != null) {
                for (Element match : element.select(query.cssSelector())) {
                    if (match != element) {
                        found.add(match);
                    }
                }
            } else {
                for (Element descendant : element.getAllElements()) {
                    if (descendant != element && query.test(descendant)) {
                        found.add(descendant);
                    }
                }
            }
        }
        return derive(sorted(found));
    }

    SelectionNodes filter(Predicate<Node> test) {
        return derive(nodes.stream().filter(test).toList());
    }

    SelectionNodes has(NodeQuery query) {
        return filter(node -> node instanceof Element element
                && element.getAllElements().stream().anyMatch(d -> d != element && query.test(d)));
    }

    SelectionNodes children(NodeQuery filter) {
        return collect(node -> node instanceof Element element ? new ArrayList<>(element.children()) : List.of(), filter);
    }

    SelectionNodes contents() {
        return collect(Node::childNodes, null);
    }

    SelectionNodes parent(NodeQuery filter) {
        return collect(node -> isElement(node.parent()) ? List.of(node.parent()) : List.of(), filter);
    }

    SelectionNodes parents(NodeQuery filter, NodeQuery until) {
        List<Node> found = new ArrayList<>();
        for (Node node : nodes) {
            for (Node up = node.parent(); isElement(up); up = up.parent()) {
                if (until != null && until.test(up)) {
                    break;
                }
                if (filter == null || filter.test(up)) {
                    found.add(up);
                }
            }
        }
        return derive(found); // closest first, as goquery and jQuery give them
    }

    SelectionNodes closest(NodeQuery query) {
        List<Node> found = new ArrayList<>();
        for (Node node : nodes) {
            for (Node up = node; up != null && !(up instanceof Document); up = up.parent()) {
                if (query.test(up)) {
                    found.add(up);
                    break;
                }
            }
        }
        return derive(found);
    }

    /** Element siblings after (forward) or before each node, up to (not including) {@code until}. */
    SelectionNodes siblings(boolean forward, boolean all, NodeQuery filter, NodeQuery until) {
        List<Node> found = new ArrayList<>();
        for (Node node : nodes) {
            Element sibling = step(node, forward);
            while (sibling != null) {
                if (until != null && until.test(sibling)) {
                    break;
                }
                if (filter == null || filter.test(sibling)) {
                    found.add(sibling);
                }
                if (!all) {
                    break;
                }
                sibling = step(sibling, forward);
            }
        }
        return derive(sorted(found));
    }

    SelectionNodes allSiblings(NodeQuery filter) {
        List<Node> found = new ArrayList<>();
        for (Node node : nodes) {
            if (node.parent() instanceof Element parent) {
                for (Element child : parent.children()) {
                    if (child != node && (filter == null || filter.test(child))) {
                        found.add(child);
                    }
                }
            }
        }
        return derive(sorted(found));
    }

    SelectionNodes slice(int start, int end) {
        int size = nodes.size();
        int from = Math.max(0, start < 0 ? size + start : Math.min(start, size));
        int to = Math.min(size, end < 0 ? size + end : end);
        return derive(from < to ? nodes.subList(from, to) : List.of());
    }

    SelectionNodes add(List<Node> more) {
        List<Node> all = new ArrayList<>(nodes);
        all.addAll(more);
        return derive(sorted(all));
    }

    private SelectionNodes collect(Function<Node, List<? extends Node>> step, NodeQuery filter) {
        List<Node> found = new ArrayList<>();
        for (Node node : nodes) {
            for (Node next : step.apply(node)) {
                if (filter == null || filter.test(next)) {
                    found.add(next);
                }
            }
        }
        return derive(found);
    }

    private static Element step(Node node, boolean forward) {
        Node sibling = forward ? node.nextSibling() : node.previousSibling();
        while (sibling != null && !(sibling instanceof Element)) {
            sibling = forward ? sibling.nextSibling() : sibling.previousSibling();
        }
        return (Element) sibling;
    }

    private static boolean isElement(Node node) {
        return node instanceof Element && !(node instanceof Document);
    }

    private static List<Node> unique(List<Node> nodes) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Node> result = new ArrayList<>();
        for (Node node : nodes) {
            if (seen.add(node)) {
                result.add(node);
            }
        }
        return result;
    }

    /** Document order. */
    private static List<Node> sorted(List<Node> nodes) {
        if (nodes.size() < 2) {
            return nodes;
        }
        Map<Node, Integer> order = new IdentityHashMap<>();
        Node root = nodes.get(0).root();
        int[] counter = {0};
        root.traverse((node, depth) -> order.put(node, counter[0]++));
        List<Node> result = new ArrayList<>(unique(nodes));
        result.sort((a, b) -> Integer.compare(order.getOrDefault(a, Integer.MAX_VALUE), order.getOrDefault(b, Integer.MAX_VALUE)));
        return result;
    }

    /** The text of every node, descendants included, as it stands in the source (goquery's Text). */
    String text() {
        StringBuilder text = new StringBuilder();
        for (Node node : nodes) {
            if (node instanceof TextNode textNode) {
                text.append(textNode.getWholeText());
            } else if (node instanceof Element element) {
                element.traverse((n, depth) -> {
                    if (n instanceof TextNode t) {
                        text.append(t.getWholeText());
                    } else if (n instanceof org.jsoup.nodes.DataNode d) {
                        text.append(d.getWholeData());
                    }
                });
            }
        }
        return text.toString();
    }

    /** For forms: name → value pairs the way jQuery's serializeArray picks them. */
    List<Map<String, String>> formValues() {
        return FormValues.of(elements());
    }
}

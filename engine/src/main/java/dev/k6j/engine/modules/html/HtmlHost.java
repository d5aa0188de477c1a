package dev.k6j.engine.modules.html;

import dev.k6j.spi.Vu;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Selector;

/**
 * The Java side of k6/html for one VU ({@code html.js} wraps it): parsing with jsoup, and every Selection and Element
 * method as a function of a {@link SelectionNodes}. Selector arguments arrive as a CSS string, a SelectionNodes, or
 * null. VU thread only: the parsed documents belong to the VU that parsed them.
 */
public final class HtmlHost {

    private final Vu vu;

    public HtmlHost(Vu vu) {
        this.vu = vu;
    }

    /** Parses a whole document; {@code baseUrl} (may be empty) resolves relative links, as {@code res.html()} needs. */
    @HostAccess.Export
    public SelectionNodes parse(String html, String baseUrl) {
        Document document = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
        document.outputSettings().prettyPrint(false);
        return SelectionNodes.of(document);
    }

    @HostAccess.Export
    public int size(SelectionNodes s) {
        return s.size();
    }

    @HostAccess.Export
    public SelectionNodes find(SelectionNodes s, Value query) {
        return s.find(required(query, "find"));
    }

    @HostAccess.Export
    public SelectionNodes children(SelectionNodes s, Value filter) {
        return s.children(optional(filter));
    }

    @HostAccess.Export
    public SelectionNodes contents(SelectionNodes s) {
        return s.contents();
    }

    @HostAccess.Export
    public SelectionNodes closest(SelectionNodes s, Value query) {
        return s.closest(required(query, "closest"));
    }

    @HostAccess.Export
    public SelectionNodes filter(SelectionNodes s, Value query) {
        return s.filter(required(query, "filter"));
    }

    @HostAccess.Export
    public SelectionNodes not(SelectionNodes s, Value query) {
        NodeQuery q = required(query, "not");
        return s.filter(node -> !q.test(node));
    }

    @HostAccess.Export
    public SelectionNodes has(SelectionNodes s, Value query) {
        return s.has(required(query, "has"));
    }

    @HostAccess.Export
    public boolean is(SelectionNodes s, Value query) {
        NodeQuery q = required(query, "is");
        return s.nodes().stream().anyMatch(q);
    }

    @HostAccess.Export
    public SelectionNodes slice(SelectionNodes s, int start, int end) {
        return s.slice(start, end);
    }

    @HostAccess.Export
    public SelectionNodes parent(SelectionNodes s, Value filter) {
        return s.parent(optional(filter));
    }

    @HostAccess.Export
    public SelectionNodes parents(SelectionNodes s, Value filter, Value until) {
        return s.parents(optional(filter), optional(until));
    }

    /** next/nextAll/nextUntil (forward) and prev/prevAll/prevUntil. */
    @HostAccess.Export
    public SelectionNodes siblings(SelectionNodes s, boolean forward, boolean all, Value filter, Value until) {
        return s.siblings(forward, all, optional(filter), optional(until));
    }

    @HostAccess.Export
    public SelectionNodes allSiblings(SelectionNodes s, Value filter) {
        return s.allSiblings(optional(filter));
    }

    @HostAccess.Export
    public SelectionNodes add(SelectionNodes s, Value query) {
        if (query.isString()) {
            SelectionNodes root = SelectionNodes.of(document(s));
            return s.add(root.find(NodeQuery.css(query.asString())).nodes());
        }
        return s.add(((SelectionNodes) query.asHostObject()).nodes());
    }

    @HostAccess.Export
    public SelectionNodes end(SelectionNodes s) {
        return s.end();
    }

    @HostAccess.Export
    public String text(SelectionNodes s) {
        return s.text();
    }

    /** The inner HTML of the first node, or null for an empty selection. */
    @HostAccess.Export
    public String html(SelectionNodes s) {
        if (s.size() == 0) {
            return null;
        }
        Node first = s.nodes().get(0);
        if (first instanceof Element element) {
            return element.html();
        }
        return "";
    }

    /** The outer HTML of the first node (Element's {@code toString} uses the inner one, as k6 does). */
    @HostAccess.Export
    public String outerHtml(SelectionNodes s) {
        return s.size() == 0 ? null : s.nodes().get(0).outerHtml();
    }

    /** The attribute of the first element, or null. */
    @HostAccess.Export
    public String attr(SelectionNodes s, String name) {
        for (Node node : s.nodes()) {
            if (node instanceof Element element && !(element instanceof Document)) {
                return element.hasAttr(name) ? element.attr(name) : null;
            }
        }
        return null;
    }

    /** {@code val()}: the value of the first form field, by kind (an array for a multiple select). */
    @HostAccess.Export
    public Value val(SelectionNodes s) {
        List<Element> elements = s.elements();
        if (elements.isEmpty()) {
            return null;
        }
        Element first = elements.get(0);
        return switch (first.tagName()) {
            case "input", "button" -> first.hasAttr("value") ? vu.context().asValue(first.attr("value")) : null;
            case "textarea" -> vu.context().asValue(first.html());
            case "option" -> vu.context().asValue(FormValues.optionValue(first));
            case "select" -> {
                List<String> selected = first.select("option[selected]").stream().map(FormValues::optionValue).toList();
                if (first.hasAttr("multiple")) {
                    yield vu.toJs(selected);
                }
                if (!selected.isEmpty()) {
                    yield vu.context().asValue(selected.get(0));
                }
                Element option = first.selectFirst("option");
                yield vu.context().asValue(option == null ? "" : FormValues.optionValue(option));
            }
            default -> null;
        };
    }

    /** The data-* attributes of the first element as [name, value] pairs, names without the prefix. */
    @HostAccess.Export
    public Value dataAttributes(SelectionNodes s) {
        List<List<String>> pairs = new ArrayList<>();
        List<Element> elements = s.elements();
        if (!elements.isEmpty()) {
            for (Attribute attribute : elements.get(0).attributes()) {
                if (attribute.getKey().startsWith("data-")) {
                    pairs.add(List.of(attribute.getKey().substring(5), attribute.getValue()));
                }
            }
        }
        return vu.toJs(pairs);
    }

    @HostAccess.Export
    public Value serializeArray(SelectionNodes s) {
        return vu.toJs(s.formValues());
    }

    /** One node of the selection as a selection of its own; null when out of range. */
    @HostAccess.Export
    public SelectionNodes at(SelectionNodes s, int index) {
        int i = index < 0 ? s.size() + index : index;
        return i >= 0 && i < s.size() ? new SelectionNodes(List.of(s.nodes().get(i)), s) : null;
    }

    // ---- node-level answers for Element (a one-node selection)

    @HostAccess.Export
    public String nodeName(SelectionNodes s) {
        Node node = single(s);
        return switch (node) {
            case Document d -> "#document";
            case TextNode t -> "#text";
            case Comment c -> "#comment";
            case DocumentType d -> d.name();
            case Element e -> e.tagName();
            default -> node.nodeName();
        };
    }

    @HostAccess.Export
    public int nodeType(SelectionNodes s) {
        return switch (single(s)) {
            case Document d -> 9;
            case Element e -> 1;
            case TextNode t -> 3;
            case Comment c -> 8;
            case DocumentType d -> 10;
            default -> 0;
        };
    }

    @HostAccess.Export
    public String nodeValue(SelectionNodes s) {
        return switch (single(s)) {
            case TextNode t -> t.getWholeText();
            case Comment c -> c.getData();
            default -> null;
        };
    }

    /** Attributes as [name, value, prefix] triples, in source order. */
    @HostAccess.Export
    public Value attributes(SelectionNodes s) {
        List<List<String>> triples = new ArrayList<>();
        if (single(s) instanceof Element element) {
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey();
                int colon = key.indexOf(':');
                triples.add(List.of(key, attribute.getValue(), colon > 0 ? key.substring(0, colon) : ""));
            }
        }
        return vu.toJs(triples);
    }

    @HostAccess.Export
    public String namespaceURI(SelectionNodes s) {
        if (single(s) instanceof Element element) {
            String tag = element.tag().namespace();
            return tag == null ? "http://www.w3.org/1999/xhtml" : tag;
        }
        return "http://www.w3.org/1999/xhtml";
    }

    /** Relatives of a single node: firstChild, lastChild, previousSibling, nextSibling, parentNode, ownerDocument. */
    @HostAccess.Export
    public SelectionNodes relative(SelectionNodes s, String which) {
        Node node = single(s);
        Node found = switch (which) {
            case "firstChild" -> node.childNodeSize() > 0 ? node.childNode(0) : null;
            case "lastChild" -> node.childNodeSize() > 0 ? node.childNode(node.childNodeSize() - 1) : null;
            case "previousSibling" -> node.previousSibling();
            case "nextSibling" -> node.nextSibling();
            case "parentNode" -> node.parent();
            case "ownerDocument" -> node.ownerDocument();
            default -> throw new IllegalArgumentException(which);
        };
        return found == null ? null : new SelectionNodes(List.of(found), s);
    }

    @HostAccess.Export
    public boolean hasChildNodes(SelectionNodes s) {
        return s.size() > 0 && single(s).childNodeSize() > 0;
    }

    @HostAccess.Export
    public boolean sameNode(SelectionNodes a, SelectionNodes b) {
        return a.size() > 0 && b.size() > 0 && single(a) == single(b);
    }

    /** Whether {@code b}'s node is a descendant of {@code a}'s (a node does not contain itself). */
    @HostAccess.Export
    public boolean containsNode(SelectionNodes a, SelectionNodes b) {
        Node outer = single(a);
        for (Node up = single(b).parent(); up != null; up = up.parent()) {
            if (up == outer) {
                return true;
            }
        }
        return false;
    }

    /** An attribute holding a URL, resolved against the document's URL when it has one. */
    @HostAccess.Export
    public String urlAttr(SelectionNodes s, String name) {
        if (!(single(s) instanceof Element element) || !element.hasAttr(name)) {
            return null;
        }
        String absolute = element.baseUri().isEmpty() ? "" : element.absUrl(name);
        return absolute.isEmpty() ? element.attr(name) : absolute;
    }

    /** A part of a URL, as the DOM's HTMLHyperlinkElementUtils gives it ("" when the URL does not parse). */
    @HostAccess.Export
    public Value urlParts(String url) {
        Map<String, Object> parts = new LinkedHashMap<>();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme();
            String host = uri.getHost() == null ? "" : uri.getHost();
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo();
            int colon = userInfo.indexOf(':');
            parts.put("protocol", scheme.isEmpty() ? "" : scheme + ":");
            parts.put("hostname", host);
            parts.put("port", defaultPort ? "" : String.valueOf(port));
            parts.put("host", defaultPort ? host : host + ":" + port);
            parts.put("pathname", uri.getRawPath() == null ? "" : uri.getRawPath());
            parts.put("search", uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            parts.put("hash", uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
            parts.put("username", colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            parts.put("password", colon >= 0 ? userInfo.substring(colon + 1) : "");
            parts.put("origin", host.isEmpty() ? "" : scheme + "://" + (defaultPort ? host : host + ":" + port));
        } catch (java.net.URISyntaxException e) {
            for (String part : List.of("protocol", "hostname", "port", "host", "pathname", "search", "hash", "username",
                    "password", "origin")) {
                parts.put(part, "");
            }
        }
        return vu.toJs(parts);
    }

    private static Node single(SelectionNodes s) {
        return s.nodes().get(0);
    }

    private static Document document(SelectionNodes s) {
        return s.size() == 0 ? new Document("") : s.nodes().get(0).ownerDocument();
    }

    private NodeQuery optional(Value query) {
        return query == null || query.isNull() ? null : required(query, "selector");
    }

    private NodeQuery required(Value query, String method) {
        if (query != null && query.isString()) {
            try {
                Selector.evaluatorOf(query.asString());
            } catch (Selector.SelectorParseException e) {
                throw vu.jsError("Error", "invalid selector '" + query.asString() + "': " + e.getMessage());
            }
            return NodeQuery.css(query.asString());
        }
        if (query != null && query.isHostObject() && query.asHostObject() instanceof SelectionNodes nodes) {
            return NodeQuery.nodes(nodes.nodes());
        }
        throw vu.jsError("Error", "Invalid argument: Cannot use a " + (query == null ? "undefined" : query.toString())
                + " as a selector");
    }
}

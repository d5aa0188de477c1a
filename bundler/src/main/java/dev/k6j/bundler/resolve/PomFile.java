package dev.k6j.bundler.resolve;

import dev.k6j.bundler.BundlerException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The few facts the bundler reads from a {@code pom.xml} itself: coordinates (inherited from the parent when
 * absent), packaging, parent and modules. Maven Resolver reads the rest. Immutable.
 *
 * @param file         the pom file
 * @param groupId      its group, or the parent's
 * @param artifactId   its artifact
 * @param version      its version, or the parent's
 * @param packaging    {@code jar} unless it says otherwise
 * @param parent       the parent's {@code group:artifact:version}, or {@code null}
 * @param parentPath   where the parent's pom would be on disk ({@code relativePath}, default {@code ../pom.xml})
 * @param modules      the {@code <module>} entries
 */
public record PomFile(Path file, String groupId, String artifactId, String version, String packaging,
                      String parent, Path parentPath, List<String> modules) {

    /** Reads a pom; a broken or unreadable one is a {@link BundlerException}. */
    public static PomFile read(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(file.toFile());
            Element project = document.getDocumentElement();
            Element parent = child(project, "parent");
            String parentGroup = parent == null ? null : text(parent, "groupId");
            String parentVersion = parent == null ? null : text(parent, "version");
            String groupId = orElse(text(project, "groupId"), parentGroup);
            String version = orElse(text(project, "version"), parentVersion);
            String artifactId = text(project, "artifactId");
            if (groupId == null || artifactId == null || version == null) {
                throw new BundlerException(file + " has no complete groupId:artifactId:version");
            }
            String parentCoordinates = parent == null ? null
                    : parentGroup + ":" + text(parent, "artifactId") + ":" + parentVersion;
            String relative = parent == null ? null : text(parent, "relativePath");
            Path parentPath = parent == null ? null
                    : file.toAbsolutePath().getParent().resolve(relative == null ? "../pom.xml" : relative);
            if (parentPath != null && !parentPath.toString().endsWith(".xml")) {
                parentPath = parentPath.resolve("pom.xml");
            }
            List<String> modules = new ArrayList<>();
            Element moduleList = child(project, "modules");
            if (moduleList != null) {
                for (Node n = moduleList.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && e.getTagName().equals("module")) {
                        modules.add(e.getTextContent().strip());
                    }
                }
            }
            return new PomFile(file.toAbsolutePath(), groupId, artifactId, version,
                    orElse(text(project, "packaging"), "jar"), parentCoordinates, parentPath, List.copyOf(modules));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new BundlerException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code group:artifact:version}. */
    public String coordinates() {
        return groupId + ":" + artifactId + ":" + version;
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}

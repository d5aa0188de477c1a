package dev.k6j.engine.modules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime exports one {@code @types/k6} module declaration file declares: exported functions, constants,
 * (non-abstract) classes and enums are values; interfaces, types and abstract classes (k6's branded types, such as
 * {@code Hasher}) are not. {@code export * as default} makes the default export the namespace; {@code export default x}
 * with {@code declare const x: { "name": ... }} lists the default export's members.
 *
 * @param named          the named exports
 * @param defaultMembers the members the default export must have
 */
public record TypeDeclarations(Set<String> named, Set<String> defaultMembers) {

    private static final Pattern VALUE = Pattern.compile(
            "^export\\s+(?:declare\\s+)?(?:function\\*?|const|let|var|class|enum)\\s+([A-Za-z_$][\\w$]*)");
    private static final Pattern LIST = Pattern.compile("^export\\s*\\{([^}]*)}");
    private static final Pattern DEFAULT_NAME = Pattern.compile("^export\\s+default\\s+([A-Za-z_$][\\w$]*)\\s*;");
    private static final Pattern MEMBER = Pattern.compile("^\\s*\"?([A-Za-z_$][\\w$]*)\"?\\s*:");

    /** The exports {@code file} declares. Public for extension modules' tests, which read their own module's file. */
    public static TypeDeclarations read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Set<String> named = new LinkedHashSet<>();
        Set<String> defaults = new LinkedHashSet<>();
        boolean namespaceDefault = false;
        String defaultName = null;
        for (String line : lines) {
            if (line.startsWith("export abstract class") || line.startsWith("export const enum")) {
                continue;
            }
            Matcher value = VALUE.matcher(line);
            if (value.find()) {
                named.add(value.group(1));
            }
            Matcher list = LIST.matcher(line);
            if (list.find()) {
                for (String item : list.group(1).split(",")) {
                    String[] parts = item.trim().split("\\s+as\\s+");
                    if (!parts[0].isBlank() && !parts[0].startsWith("type ")) {
                        named.add(parts[parts.length - 1].trim());
                    }
                }
            }
            if (line.matches("^export\\s*\\*\\s*as\\s+default\\s+from.*")) {
                namespaceDefault = true;
            }
            Matcher defaultName0 = DEFAULT_NAME.matcher(line);
            if (defaultName0.find()) {
                defaultName = defaultName0.group(1);
            }
        }
        if (defaultName != null) {
            boolean inside = false;
            for (String line : lines) {
                if (line.matches("^declare\\s+const\\s+" + Pattern.quote(defaultName) + "\\s*:\\s*\\{.*")) {
                    inside = true;
                } else if (inside && line.startsWith("}")) {
                    inside = false;
                } else if (inside) {
                    Matcher member = MEMBER.matcher(line);
                    if (member.find()) {
                        defaults.add(member.group(1));
                    }
                }
            }
        }
        if (namespaceDefault) {
            defaults.addAll(named);
        }
        return new TypeDeclarations(Set.copyOf(named), Set.copyOf(defaults));
    }
}

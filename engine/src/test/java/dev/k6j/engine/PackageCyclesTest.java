package dev.k6j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.NameAndTypeEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages depend on each other without cycles, so each can be read (and moved) from the bottom up.
 * Reads the compiled classes with the JDK's class-file API: every class a class names in its constant pool (the
 * classes it uses, and the types in the descriptors of what it calls and declares), as {@code jdeps} does.
 */
class PackageCyclesTest {

    private static final String ROOT = "dev.k6j.engine";
    private static final Pattern DESCRIBED_CLASS = Pattern.compile("L([\\w/$]+);");

    @Test
    void theEnginesPackagesHaveNoCycles() throws IOException, URISyntaxException {
        Path classes = Path.of(Version.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes).as("the engine's compiled classes").isDirectory();

        Map<String, Map<String, String>> dependencies = packageDependencies(classes);

        assertThat(dependencies).as("the scan found the engine's packages").containsKeys(ROOT + ".run",
                ROOT + ".executor", ROOT + ".scenario");
        assertThat(describe(cycles(dependencies), dependencies)).as("package cycles in the engine").isEmpty();
    }

    /** For each package, the packages it uses, each with one class-to-class use as an example. */
    private static Map<String, Map<String, String>> packageDependencies(Path classes) throws IOException {
        Map<String, Map<String, String>> dependencies = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                ClassModel model = ClassFile.of().parse(file);
                String from = model.thisClass().asInternalName().replace('/', '.');
                String fromPackage = packageOf(from);
                Map<String, String> uses = dependencies.computeIfAbsent(fromPackage, p -> new TreeMap<>());
                for (String to : referencedClasses(model)) {
                    String toPackage = packageOf(to);
                    if (toPackage.startsWith(ROOT) && !toPackage.equals(fromPackage)) {
                        uses.putIfAbsent(toPackage, simpleName(from) + " -> " + simpleName(to));
                    }
                }
            }
        }
        return dependencies;
    }

    private static Set<String> referencedClasses(ClassModel model) {
        Set<String> names = new HashSet<>();
        List<String> descriptors = new ArrayList<>();
        for (PoolEntry entry : model.constantPool()) {
            if (entry instanceof ClassEntry type) {
                String name = type.asInternalName();
                if (name.startsWith("[")) {
                    descriptors.add(name);
                } else {
                    names.add(name.replace('/', '.'));
                }
            } else if (entry instanceof NameAndTypeEntry member) {
                descriptors.add(member.type().stringValue());
            }
        }
        model.fields().forEach(field -> descriptors.add(field.fieldType().stringValue()));
        model.methods().forEach(method -> descriptors.add(method.methodType().stringValue()));
        for (String descriptor : descriptors) {
            Matcher matcher = DESCRIBED_CLASS.matcher(descriptor);
            while (matcher.find()) {
                names.add(matcher.group(1).replace('/', '.'));
            }
        }
        return names;
    }

    /** The strongly connected groups of more than one package (Tarjan's algorithm). */
    private static List<Set<String>> cycles(Map<String, Map<String, String>> dependencies) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> cycles = new ArrayList<>();
        for (String start : dependencies.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, dependencies, index, low, stack, onStack, cycles);
            }
        }
        return cycles;
    }

    private static void connect(String node, Map<String, Map<String, String>> dependencies, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<Set<String>> cycles) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : dependencies.getOrDefault(node, Map.of()).keySet()) {
            if (!index.containsKey(next)) {
                connect(next, dependencies, index, low, stack, onStack, cycles);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> group = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                group.add(member);
            } while (!member.equals(node));
            if (group.size() > 1) {
                cycles.add(group);
            }
        }
    }

    /** Each cycle as the uses between its packages, e.g. {@code run -> executor (TestRunner -> Executors)}. */
    private static List<String> describe(List<Set<String>> cycles, Map<String, Map<String, String>> dependencies) {
        List<String> lines = new ArrayList<>();
        for (Set<String> cycle : cycles) {
            StringBuilder line = new StringBuilder("cycle among " + cycle + ":");
            for (String from : cycle) {
                dependencies.get(from).forEach((to, example) -> {
                    if (cycle.contains(to)) {
                        line.append("\n    ").append(from).append(" -> ").append(to).append(" (").append(example)
                                .append(')');
                    }
                });
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}

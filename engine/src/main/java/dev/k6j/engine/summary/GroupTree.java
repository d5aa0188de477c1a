package dev.k6j.engine.summary;

import dev.k6j.engine.metrics.CheckCount;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds k6's {@code root_group} from group paths and check counts: nested
 * {@code {name, path, id, groups: [...], checks: [{name, path, id, passes, fails}]}} in order of first appearance.
 * Ids are the MD5 of the path in hex, as k6's {@code lib.NewGroup} and {@code lib.NewCheck} make them; a check's
 * path is its group's path, {@code ::}, and its name. Stateless.
 */
final class GroupTree {

    private static final String SEPARATOR = "::";

    private GroupTree() {
    }

    /** A fresh tree of plain maps and lists (JSON-like data). */
    static Map<String, Object> build(List<String> groupPaths, List<CheckCount> checks) {
        Map<String, Map<String, Object>> byPath = new LinkedHashMap<>();
        Map<String, Object> root = group("", "");
        byPath.put("", root);
        for (String path : groupPaths) {
            ensure(path, byPath);
        }
        for (CheckCount check : checks) {
            String path = check.groupPath() + SEPARATOR + check.name();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", check.name());
            entry.put("path", path);
            entry.put("id", md5(path));
            entry.put("passes", check.passes());
            entry.put("fails", check.fails());
            listOf(ensure(check.groupPath(), byPath), "checks").add(entry);
        }
        return root;
    }

    private static Map<String, Object> ensure(String path, Map<String, Map<String, Object>> byPath) {
        Map<String, Object> existing = byPath.get(path);
        if (existing != null) {
            return existing;
        }
        int last = path.lastIndexOf(SEPARATOR);
        String parentPath = last <= 0 ? "" : path.substring(0, last);
        String name = last < 0 ? path : path.substring(last + SEPARATOR.length());
        Map<String, Object> parent = ensure(parentPath, byPath);
        Map<String, Object> group = group(name, path);
        listOf(parent, "groups").add(group);
        byPath.put(path, group);
        return group;
    }

    private static Map<String, Object> group(String name, String path) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("name", name);
        group.put("path", path);
        group.put("id", md5(path));
        group.put("groups", new ArrayList<Map<String, Object>>());
        group.put("checks", new ArrayList<Map<String, Object>>());
        return group;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOf(Map<String, Object> group, String key) {
        return (List<Object>) group.get(key);
    }

    private static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}

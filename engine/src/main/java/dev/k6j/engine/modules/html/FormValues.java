package dev.k6j.engine.modules.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * The successful controls of forms, as jQuery's {@code serializeArray} picks them: named, enabled {@code input},
 * {@code select} and {@code textarea} fields (not buttons, files or images), checkboxes and radios only when checked,
 * each selected option of a select.
 */
final class FormValues {

    private static final Set<String> SKIPPED_TYPES = Set.of("submit", "button", "image", "reset", "file");

    private FormValues() {
    }

    static List<Map<String, String>> of(List<Element> elements) {
        List<Map<String, String>> values = new ArrayList<>();
        for (Element element : elements) {
            List<Element> fields = element.tagName().equals("form")
                    ? element.select("input, select, textarea")
                    : List.of(element);
            for (Element field : fields) {
                add(field, values);
            }
        }
        return values;
    }

    private static void add(Element field, List<Map<String, String>> values) {
        String name = field.attr("name");
        if (name.isEmpty() || field.hasAttr("disabled")) {
            return;
        }
        switch (field.tagName()) {
            case "input" -> {
                String type = field.attr("type").toLowerCase(java.util.Locale.ROOT);
                if (SKIPPED_TYPES.contains(type)) {
                    return;
                }
                if ((type.equals("checkbox") || type.equals("radio")) && !field.hasAttr("checked")) {
                    return;
                }
                String fallback = type.equals("checkbox") || type.equals("radio") ? "on" : "";
                values.add(pair(name, field.hasAttr("value") ? field.attr("value") : fallback));
            }
            case "select" -> {
                for (Element option : field.select("option")) {
                    if (option.hasAttr("selected")) {
                        values.add(pair(name, optionValue(option)));
                    }
                }
            }
            case "textarea" -> values.add(pair(name, field.wholeText().replace("\r\n", "\n").replace("\n", "\r\n")));
            default -> { }
        }
    }

    static String optionValue(Element option) {
        return option.hasAttr("value") ? option.attr("value") : option.text();
    }

    private static Map<String, String> pair(String name, String value) {
        Map<String, String> pair = new LinkedHashMap<>();
        pair.put("name", name);
        pair.put("value", value);
        return pair;
    }
}

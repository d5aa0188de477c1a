package dev.k6j.modules.websockets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/** Reads the plain values the glue passes (objects of strings, arrays of strings). VU thread. */
final class JsValues {

    private JsValues() {
    }

    /** An object's members as strings, in key order; empty for {@code null} or {@code undefined}. */
    static Map<String, String> strings(Value object) {
        Map<String, String> map = new LinkedHashMap<>();
        if (object != null && !object.isNull() && object.hasMembers()) {
            for (String key : object.getMemberKeys()) {
                Value value = object.getMember(key);
                map.put(key, value.isString() ? value.asString() : value.toString());
            }
        }
        return map;
    }

    /** An array's elements as strings; empty for {@code null} or {@code undefined}. */
    static List<String> list(Value array) {
        List<String> list = new ArrayList<>();
        if (array != null && array.hasArrayElements()) {
            for (long i = 0; i < array.getArraySize(); i++) {
                Value element = array.getArrayElement(i);
                list.add(element.isString() ? element.asString() : element.toString());
            }
        }
        return list;
    }
}

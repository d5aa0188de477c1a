package dev.k6j.engine.js;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * Converts between plain Java data and JavaScript values of one context. Used on that context's thread.
 */
public final class JsConvert {

    private static final Source HELPERS = Source.create("js", """
            ({
              newObject: () => ({}),
              newArray: () => [],
              arrayBuffer: (bb) => new ArrayBuffer(bb),
              error: (type, message) => new globalThis[type](message),
              stringify: (v) => JSON.stringify(v),
              parse: (s) => JSON.parse(s),
              isPromise: (v) => v instanceof Promise,
              bytes: (v) => {
                if (v instanceof ArrayBuffer) return new Uint8Array(v);
                if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
                return null;
              },
            })""");

    private final Context context;
    private final Value newObject;
    private final Value newArray;
    private final Value arrayBuffer;
    private final Value error;
    private final Value stringify;
    private final Value parse;
    private final Value isPromise;
    private final Value bytes;

    public JsConvert(Context context) {
        this.context = context;
        Value helpers = context.eval(HELPERS);
        newObject = helpers.getMember("newObject");
        newArray = helpers.getMember("newArray");
        arrayBuffer = helpers.getMember("arrayBuffer");
        error = helpers.getMember("error");
        stringify = helpers.getMember("stringify");
        parse = helpers.getMember("parse");
        isPromise = helpers.getMember("isPromise");
        bytes = helpers.getMember("bytes");
    }

    /** Plain Java data to a JavaScript value; see {@link dev.k6j.spi.Vu#toJs}. */
    public Value toJs(Object value) {
        if (value instanceof Value v) {
            return v;
        }
        if (value instanceof Map<?, ?> map) {
            Value object = newObject.execute();
            map.forEach((k, v) -> object.putMember(String.valueOf(k), toJs(v)));
            return object;
        }
        if (value instanceof Collection<?> list) {
            Value array = newArray.execute();
            long i = 0;
            for (Object item : list) {
                array.setArrayElement(i++, toJs(item));
            }
            return array;
        }
        if (value instanceof Object[] items) {
            return toJs(List.of(items));
        }
        if (value instanceof byte[] data) {
            return arrayBuffer.execute(ByteBuffer.wrap(data.clone()));
        }
        if (value instanceof Character c) {
            return context.asValue(String.valueOf(c));
        }
        return context.asValue(value);
    }

    /** A JavaScript value to plain Java data; see {@link dev.k6j.spi.Vu#fromJs}. */
    public Object fromJs(Value value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            return value.fitsInLong() ? (Object) value.asLong() : (Object) value.asDouble();
        }
        if (value.isString()) {
            return value.asString();
        }
        if (value.isHostObject()) {
            return value.asHostObject();
        }
        byte[] data = toBytes(value);
        if (data != null) {
            return data;
        }
        if (value.hasArrayElements()) {
            List<Object> list = new ArrayList<>((int) value.getArraySize());
            for (long i = 0; i < value.getArraySize(); i++) {
                list.add(fromJs(value.getArrayElement(i)));
            }
            return list;
        }
        if (value.canExecute()) {
            return value;
        }
        if (value.hasMembers()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (String key : value.getMemberKeys()) {
                map.put(key, fromJs(value.getMember(key)));
            }
            return map;
        }
        return value.toString();
    }

    /** The bytes of an ArrayBuffer or typed array, or {@code null} if the value is neither. */
    public byte[] toBytes(Value value) {
        if (value == null || !value.hasMembers()) {
            return null;
        }
        Value view = bytes.execute(value);
        if (view.isNull()) {
            return null;
        }
        int length = (int) view.getArraySize();
        byte[] data = new byte[length];
        if (view.hasBufferElements()) {
            view.readBuffer(0, data, 0, length);
        } else {
            for (int i = 0; i < length; i++) {
                data[i] = (byte) view.getArrayElement(i).asInt();
            }
        }
        return data;
    }

    /** A new JavaScript error object, e.g. {@code newError("TypeError", "bad input")}. */
    public Value newError(String type, String message) {
        return error.execute(type, message);
    }

    /** {@code JSON.stringify(value)}; {@code null} if the value has no JSON form (undefined, a function). */
    public String stringify(Value value) {
        Value text = stringify.execute(value);
        return text.isString() ? text.asString() : null;
    }

    /** {@code JSON.parse(text)}. */
    public Value parseJson(String text) {
        return parse.execute(text);
    }

    public boolean isPromise(Value value) {
        return value != null && isPromise.execute(value).asBoolean();
    }
}

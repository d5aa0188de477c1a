package dev.k6j.modules.grpc;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MessageOrBuilder;
import java.util.List;

/**
 * Shows unset fields that have presence (message fields, proto3 {@code optional}, proto2 optional) as {@code null},
 * as k6 does: it prints responses with Go's {@code protojson} and {@code EmitUnpopulated}, which emits such fields as
 * {@code null} and leaves out only the unset members of a real {@code oneof}. Java's printer leaves them out, so a
 * script checking {@code res.message.field === null} would see {@code undefined}. Stateless and thread-safe.
 */
final class UnpopulatedFields {

    private static final String WELL_KNOWN = "google.protobuf.";

    private UnpopulatedFields() {
    }

    /** {@code json} (the printed {@code message}) with a {@code null} for every unset field that has presence. */
    static String withNulls(MessageOrBuilder message, String json) {
        if (!anyUnset(message)) {
            return json; // the common case costs one walk over the fields, no re-parse
        }
        JsonObject tree = JsonParser.parseString(json).getAsJsonObject();
        addNulls(message, tree);
        return tree.toString();
    }

    private static boolean anyUnset(MessageOrBuilder message) {
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            if (shownAsNull(message, field)) {
                return true;
            }
            for (MessageOrBuilder nested : nestedMessages(message, field)) {
                if (anyUnset(nested)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void addNulls(MessageOrBuilder message, JsonObject json) {
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            String name = field.getJsonName();
            if (shownAsNull(message, field)) {
                json.add(name, JsonNull.INSTANCE);
                continue;
            }
            List<MessageOrBuilder> nested = nestedMessages(message, field);
            JsonElement value = json.get(name);
            if (nested.isEmpty() || value == null) {
                continue;
            }
            if (field.isRepeated() && value.isJsonArray()) {
                for (int i = 0; i < nested.size() && i < value.getAsJsonArray().size(); i++) {
                    JsonElement element = value.getAsJsonArray().get(i);
                    if (element.isJsonObject()) {
                        addNulls(nested.get(i), element.getAsJsonObject());
                    }
                }
            } else if (value.isJsonObject()) {
                addNulls(nested.getFirst(), value.getAsJsonObject());
            }
        }
    }

    private static boolean shownAsNull(MessageOrBuilder message, FieldDescriptor field) {
        return field.hasPresence() && !field.isRepeated() && !message.hasField(field)
                && (field.getRealContainingOneof() == null);
    }

    /** The set messages in a message-typed field (not maps, not well-known types, whose JSON forms are special). */
    private static List<MessageOrBuilder> nestedMessages(MessageOrBuilder message, FieldDescriptor field) {
        if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || field.isMapField()
                || field.getMessageType().getFullName().startsWith(WELL_KNOWN)) {
            return List.of();
        }
        if (field.isRepeated()) {
            int count = message.getRepeatedFieldCount(field);
            MessageOrBuilder[] items = new MessageOrBuilder[count];
            for (int i = 0; i < count; i++) {
                items[i] = (MessageOrBuilder) message.getRepeatedField(field, i);
            }
            return List.of(items);
        }
        return message.hasField(field) ? List.of((MessageOrBuilder) message.getField(field)) : List.of();
    }
}

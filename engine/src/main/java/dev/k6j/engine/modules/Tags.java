package dev.k6j.engine.modules;

import dev.k6j.spi.TagSet;
import dev.k6j.spi.Vu;
import org.graalvm.polyglot.Value;

/** Reads a script's tags argument ({@code { name: 'value' }}) into a TagSet. */
final class Tags {

    private Tags() {
    }

    /** {@code base} plus the tags of a JavaScript object; {@code null}/undefined adds nothing. */
    static TagSet merge(TagSet base, Value tags, Vu vu) {
        if (tags == null || tags.isNull() || !tags.hasMembers()) {
            return base;
        }
        TagSet result = base;
        for (String key : tags.getMemberKeys()) {
            Value value = tags.getMember(key);
            if (value.isNull()) {
                continue;
            }
            if (value.hasMembers() && !value.isString()) {
                throw vu.jsError("TypeError", "tag '" + key + "' must be a string, number or boolean");
            }
            result = result.with(key, value.isString() ? value.asString() : value.toString());
        }
        return result;
    }
}

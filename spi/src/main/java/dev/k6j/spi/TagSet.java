package dev.k6j.spi;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * An immutable set of tags (name to value), sorted by name. {@link #with} and {@link #without} return new sets.
 * Equal sets have equal hash codes, computed once, so a TagSet is a cheap map key for sinks and series.
 *
 * <pre>{@code
 * TagSet tags = TagSet.of("scenario", "default").with("status", "200");
 * }</pre>
 */
public final class TagSet {

    /** The set with no tags. */
    public static final TagSet EMPTY = new TagSet(new String[0], new String[0]);

    private final String[] names;
    private final String[] values;
    private final int hash;

    private TagSet(String[] names, String[] values) {
        this.names = names;
        this.values = values;
        this.hash = 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
    }

    /** A set of one tag. */
    public static TagSet of(String name, String value) {
        return EMPTY.with(name, value);
    }

    /** A set of the given tags. */
    public static TagSet of(Map<String, String> tags) {
        if (tags.isEmpty()) {
            return EMPTY;
        }
        String[] sortedNames = tags.keySet().toArray(String[]::new);
        Arrays.sort(sortedNames);
        String[] sortedValues = new String[sortedNames.length];
        for (int i = 0; i < sortedNames.length; i++) {
            sortedValues[i] = Objects.requireNonNull(tags.get(sortedNames[i]), "tag value");
        }
        return new TagSet(sortedNames, sortedValues);
    }

    /** This set with {@code name} set to {@code value} (replacing any earlier value). */
    public TagSet with(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        int at = Arrays.binarySearch(names, name);
        if (at >= 0) {
            if (values[at].equals(value)) {
                return this;
            }
            String[] newValues = values.clone();
            newValues[at] = value;
            return new TagSet(names, newValues);
        }
        int insert = -at - 1;
        String[] newNames = new String[names.length + 1];
        String[] newValues = new String[values.length + 1];
        System.arraycopy(names, 0, newNames, 0, insert);
        System.arraycopy(values, 0, newValues, 0, insert);
        newNames[insert] = name;
        newValues[insert] = value;
        System.arraycopy(names, insert, newNames, insert + 1, names.length - insert);
        System.arraycopy(values, insert, newValues, insert + 1, values.length - insert);
        return new TagSet(newNames, newValues);
    }

    /** This set with all tags of {@code other} added (other's values win). */
    public TagSet withAll(TagSet other) {
        TagSet result = this;
        for (int i = 0; i < other.names.length; i++) {
            result = result.with(other.names[i], other.values[i]);
        }
        return result;
    }

    /** This set without {@code name}. */
    public TagSet without(String name) {
        int at = Arrays.binarySearch(names, name);
        if (at < 0) {
            return this;
        }
        String[] newNames = new String[names.length - 1];
        String[] newValues = new String[values.length - 1];
        System.arraycopy(names, 0, newNames, 0, at);
        System.arraycopy(values, 0, newValues, 0, at);
        System.arraycopy(names, at + 1, newNames, at, names.length - at - 1);
        System.arraycopy(values, at + 1, newValues, at, values.length - at - 1);
        return new TagSet(newNames, newValues);
    }

    /** The value of a tag, or {@code null}. */
    public String get(String name) {
        int at = Arrays.binarySearch(names, name);
        return at >= 0 ? values[at] : null;
    }

    /** Whether the tag is set. */
    public boolean contains(String name) {
        return Arrays.binarySearch(names, name) >= 0;
    }

    /** Whether every tag of {@code filter} is in this set with the same value. */
    public boolean containsAll(TagSet filter) {
        for (int i = 0; i < filter.names.length; i++) {
            if (!filter.values[i].equals(get(filter.names[i]))) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return names.length;
    }

    public boolean isEmpty() {
        return names.length == 0;
    }

    /** Calls {@code action} for each tag, in name order. */
    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < names.length; i++) {
            action.accept(names[i], values[i]);
        }
    }

    /** The tags as an unmodifiable map in name order. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        forEach(map::put);
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TagSet other && hash == other.hash
                && Arrays.equals(names, other.names) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}

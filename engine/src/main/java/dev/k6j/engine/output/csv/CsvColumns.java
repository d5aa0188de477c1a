package dev.k6j.engine.output.csv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CSV columns, as k6 builds them: {@code metric_name,timestamp,metric_value}, then one column per enabled
 * indexable system tag in name order, then {@code extra_tags} and {@code metadata}. With k6's default
 * {@code systemTags} the header is
 * {@code metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata}.
 *
 * @param tagColumns the system tags that get a column of their own, sorted
 */
public record CsvColumns(List<String> tagColumns) {

    /** k6's {@code DefaultSystemTagSet}. */
    public static final Set<String> DEFAULT_SYSTEM_TAGS = Set.of(
            "proto", "subproto", "status", "method", "url", "name", "group", "check", "error", "error_code",
            "tls_version", "scenario", "service", "expected_response");

    /** Every system tag k6 knows. */
    public static final Set<String> SYSTEM_TAGS = Set.of(
            "proto", "subproto", "status", "method", "url", "name", "group", "check", "error", "error_code",
            "tls_version", "scenario", "service", "expected_response", "vu", "iter", "ip", "ocsp_status");

    /** System tags that are sample metadata, not indexed tags: never a column of their own. */
    public static final Set<String> NON_INDEXABLE = Set.of("vu", "iter");

    /** The columns for k6's default system tags. */
    public static final CsvColumns DEFAULT = forSystemTags(DEFAULT_SYSTEM_TAGS);

    public CsvColumns {
        tagColumns = List.copyOf(tagColumns);
    }

    /** The columns for the script's {@code systemTags} option, or k6's defaults when it is not set. */
    public static CsvColumns fromScriptOptions(Map<String, Object> scriptOptions) {
        Object systemTags = scriptOptions == null ? null : scriptOptions.get("systemTags");
        if (systemTags == null) {
            return DEFAULT;
        }
        if (!(systemTags instanceof Collection<?> list)) {
            throw new IllegalArgumentException("the systemTags option must be a list of tag names, not " + systemTags);
        }
        List<String> names = new ArrayList<>();
        for (Object name : list) {
            String tag = String.valueOf(name);
            if (!SYSTEM_TAGS.contains(tag)) {
                throw new IllegalArgumentException("'" + tag + "' in systemTags is not a k6 system tag");
            }
            names.add(tag);
        }
        return forSystemTags(names);
    }

    /** The columns for the given enabled system tags. */
    public static CsvColumns forSystemTags(Collection<String> enabled) {
        Set<String> sorted = new TreeSet<>(enabled);
        sorted.removeAll(NON_INDEXABLE);
        return new CsvColumns(new ArrayList<>(sorted));
    }

    /** The header row's cells. */
    public List<String> header() {
        List<String> header = new ArrayList<>(tagColumns.size() + 5);
        header.add("metric_name");
        header.add("timestamp");
        header.add("metric_value");
        header.addAll(tagColumns);
        header.add("extra_tags");
        header.add("metadata");
        return header;
    }

    /** Whether a tag has a column of its own (so it is left out of {@code extra_tags} and {@code metadata}). */
    public boolean hasColumn(String tag) {
        return Collections.binarySearch(tagColumns, tag) >= 0;
    }
}

package dev.k6j.output.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one JSON codec of the dashboard (Jackson, which the engine carries). Thread-safe. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** {@code {"event":name,"data":data}}: one line of a recording, as xk6-dashboard writes it. */
    static String envelope(DashboardEvent event) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("event", event.name());
        envelope.put("data", event.data());
        return write(envelope);
    }

    static String write(Object data) {
        try {
            return MAPPER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write dashboard data as JSON: " + e.getOriginalMessage(), e);
        }
    }
}

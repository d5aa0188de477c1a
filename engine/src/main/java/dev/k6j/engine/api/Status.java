package dev.k6j.engine.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The test's status as the REST API's {@code /v1/status} and {@code k6j status} show it, with k6's attribute names.
 * Immutable.
 *
 * @param status  k6's execution status number (7 is running)
 * @param paused  whether the test is paused
 * @param vus     VUs active now
 * @param vusMax  VUs initialized
 * @param stopped whether the test was stopped
 * @param running whether the scenarios are running
 * @param tainted whether a threshold is crossed
 */
public record Status(int status, boolean paused, long vus, long vusMax, boolean stopped, boolean running,
                     boolean tainted) {

    /** The attributes in k6's order. */
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("status", status);
        attributes.put("paused", paused);
        attributes.put("vus", vus);
        attributes.put("vus-max", vusMax);
        attributes.put("stopped", stopped);
        attributes.put("running", running);
        attributes.put("tainted", tainted);
        return attributes;
    }

    /** The JSON:API document: {@code {"data":{"type":"status","id":"default","attributes":{...}}}}. */
    public Map<String, Object> document() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "status");
        data.put("id", "default");
        data.put("attributes", attributes());
        return Map.of("data", data);
    }
}

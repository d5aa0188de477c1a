package dev.k6j.engine.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricNameOrderTest {

    @Test
    void metricsSortByParentWithSubmetricsRightAfterAsK6ListsThem() {
        List<String> names = new ArrayList<>(List.of("vus_max", "http_reqs", "vus", "http_req_waiting",
                "http_req_duration{status:200}", "iterations", "http_req_duration", "iteration_duration",
                "http_req_duration{expected_response:true}", "Custom_metric", "checks", "data_sent"));

        names.sort(MetricNameOrder.INSTANCE);

        assertThat(names).containsExactly("checks", "Custom_metric", "data_sent", "http_req_duration",
                "http_req_duration{expected_response:true}", "http_req_duration{status:200}", "http_req_waiting",
                "http_reqs", "iteration_duration", "iterations", "vus", "vus_max");
    }
}

package dev.k6j.output.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportSizeTest {

    /** Where the IT finds the report to open in the browser (and where a person can look at it). */
    static final Path ONE_HOUR_REPORT = Path.of("target/one-hour-report.html");

    @Test
    void aOneHourTestsReportStaysUnderTwoMegabytes() throws Exception {
        List<DashboardEvent> events = OneHourRun.events();
        new Report().write(ONE_HOUR_REPORT, events);

        long size = Files.size(ONE_HOUR_REPORT);
        System.out.printf("one-hour report: %d events, %d bytes%n", events.size(), size);
        assertThat(events.stream().filter(e -> e.name().equals("snapshot"))).hasSize(360);
        assertThat(size).isLessThan(2_000_000);
    }
}

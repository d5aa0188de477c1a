package dev.k6j.output.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.spi.Metric;
import dev.k6j.spi.MetricType;
import dev.k6j.spi.Sample;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.ValueType;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A JSON record is k6's JSON output {@code Point} line, without its newline. */
class JsonPointFormatTest {

    @Test
    void aRecordIsOnePointObject() {
        Sample sample = new Sample(new Metric("vus", MetricType.GAUGE, ValueType.DEFAULT), 1_494_333_285_625_742_514L,
                5, TagSet.of("scenario", "default"), TagSet.of("vu", "1"));
        StringBuilder out = new StringBuilder();

        assertThat(new JsonPointFormat(ZoneOffset.UTC).append(out, sample)).isTrue();
        assertThat(out.toString()).isEqualTo("{\"metric\":\"vus\",\"type\":\"Point\",\"data\":{\"time\":"
                + "\"2017-05-09T12:34:45.625742514Z\",\"value\":5,\"tags\":{\"scenario\":\"default\"},"
                + "\"metadata\":{\"vu\":\"1\"}}}");
    }
}

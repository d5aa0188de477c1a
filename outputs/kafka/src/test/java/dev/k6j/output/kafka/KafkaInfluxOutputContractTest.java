package dev.k6j.output.kafka;

import dev.k6j.testkit.OutputTestKit.Delivered;
import java.util.List;

/** The output contract again, in the InfluxDB line-protocol format: every line parses and carries its value. */
class KafkaInfluxOutputContractTest extends KafkaOutputContractTest {

    @Override
    protected String argument() {
        return super.argument() + ",format=influxdb";
    }

    @Override
    protected List<Delivered> delivered() {
        return KAFKA.records(topic()).stream().map(Records::influx)
                .map(line -> new Delivered(line.measurement(), line.value())).toList();
    }
}

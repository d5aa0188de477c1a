package dev.k6j.output.kafka;

import dev.k6j.spi.Output;
import dev.k6j.spi.OutputFactory;
import dev.k6j.testkit.OutputContract;
import dev.k6j.testkit.OutputTestKit.BlockingStream;
import dev.k6j.testkit.OutputTestKit.Delivered;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The output contract every output passes, in the JSON format, against a real broker: each test gets its own
 * topic, and "delivered" is what a consumer reads back from it.
 */
class KafkaOutputContractTest extends OutputContract {

    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    private String topic;

    @BeforeEach
    void createTopic() throws Exception {
        topic = KAFKA.createTopic(2);
    }

    /** This test's topic. */
    protected String topic() {
        return topic;
    }

    @Override
    protected OutputFactory factory() {
        return new KafkaOutputFactory();
    }

    @Override
    protected String argument() {
        return "brokers=" + KAFKA.bootstrapServers() + ",topic=" + topic + ",pushInterval=100ms";
    }

    @Override
    protected String stdoutArgument() {
        return argument(); // this output never writes to stdout: slowDelivery blocks its encoding instead
    }

    @Override
    protected Output slowDelivery(BlockingStream blocking) {
        KafkaConfig config = KafkaConfig.from(dev.k6j.testkit.OutputTestKit.params(factory(), argument(),
                jsonConfig(), environment(), workingDirectory, System.out));
        RecordFormat format = RecordFormat.of(config);
        return new KafkaOutput(config, System.getLogger("k6j.output.kafka"), (out, sample) -> {
            try {
                blocking.write(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return format.append(out, sample);
        });
    }

    @Override
    protected List<Delivered> delivered() {
        return KAFKA.records(topic).stream().map(Records::fromJson).toList();
    }
}

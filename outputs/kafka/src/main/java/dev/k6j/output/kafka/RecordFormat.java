package dev.k6j.output.kafka;

import dev.k6j.spi.Sample;

/**
 * How one sample becomes the text of one Kafka record. Implementations are stateless apart from their settings,
 * and are called from the output's flushing thread only.
 */
interface RecordFormat {

    /**
     * Appends the record text for {@code sample} to {@code out}, which is empty.
     *
     * @return false when the sample cannot be written in this format (nothing is appended)
     */
    boolean append(StringBuilder out, Sample sample);

    /** The format for {@code config}. */
    static RecordFormat of(KafkaConfig config) {
        return switch (config.format()) {
            case JSON -> new JsonPointFormat(java.time.ZoneId.systemDefault());
            case INFLUXDB -> new InfluxLineFormat(config.tagsAsFields());
        };
    }
}

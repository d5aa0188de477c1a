/**
 * {@code --out kafka}: every k6 sample as one record on a Kafka topic, as k6's JSON {@code Point} line or as
 * InfluxDB line protocol, with xk6-output-kafka's settings.
 *
 * <p>{@link dev.k6j.output.kafka.KafkaOutputFactory} is found by the engine through {@code META-INF/services};
 * {@link dev.k6j.output.kafka.KafkaConfig} reads the settings; {@link dev.k6j.output.kafka.KafkaOutput} buffers and
 * hands records to an idempotent producer; {@code JsonPointFormat} and {@code InfluxLineFormat} write the records;
 * {@code ClientProperties} sets up the Kafka clients; {@code BrokerCheck} checks the brokers and the topic before
 * the test starts.
 */
package dev.k6j.output.kafka;

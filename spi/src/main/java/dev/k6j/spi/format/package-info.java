/**
 * Text forms k6 writes with Go's standard library, reproduced so that k6j's result files and every output that
 * writes k6's formats (the JSON and CSV outputs, Kafka's JSON records) read the same as k6's: Go's float
 * formatting, Go's RFC 3339 times, easyjson's string escaping, and k6's JSON {@code Point} line. Stateless; any
 * thread.
 */
package dev.k6j.spi.format;

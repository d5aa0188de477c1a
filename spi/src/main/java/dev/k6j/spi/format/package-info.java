/**
 * Text formats k6 writes with Go's standard library, reproduced so k6j's result files read the same:
 * Go's float formatting, Go's RFC 3339 times and easyjson's string escaping. Stateless; any thread.
 */
package dev.k6j.engine.output.format;

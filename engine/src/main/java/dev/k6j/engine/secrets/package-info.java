/**
 * Secret sources ({@code --secret-source}) that {@code k6/secrets} reads from, and the redaction of the values
 * scripts obtained from them in log lines.
 */
package dev.k6j.engine.secrets;

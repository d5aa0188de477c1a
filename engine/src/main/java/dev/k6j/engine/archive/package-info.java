/**
 * k6 archives ({@code k6 archive}, {@code k6 run test.tar}): a tar of {@code metadata.json} (the consolidated
 * options, environment and script URL), {@code data} (the script) and every file and remote module the test
 * read, under {@code file/…} and {@code https/…}. k6j writes them so k6 runs them, and runs the ones k6 writes.
 */
package dev.k6j.engine.archive;

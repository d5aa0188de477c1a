/**
 * Where a test's sources come from, as k6's {@code loader}: local files and {@code https://} modules, fetched once
 * per run, kept in {@link dev.k6j.engine.loader.ScriptSources} (which archives write out and read back), with
 * TypeScript turned into JavaScript on the way in.
 */
package dev.k6j.engine.loader;

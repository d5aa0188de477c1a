package dev.k6j.engine.modules.csv;

import dev.k6j.engine.modules.GlueModule;
import dev.k6j.spi.Vu;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The {@code k6/experimental/csv} module: {@code parse(file, options)} into a SharedArray (parsed once per run, by
 * k6/data), and {@code new Parser(file, options)} with {@code next()} reading one record at a time.
 */
public final class CsvModule extends GlueModule {

    public CsvModule() {
        super("k6/experimental/csv", "csv.js", Host::new);
    }

    /** Per-VU host of k6/experimental/csv. VU thread only. */
    public record Host(Vu vu) {

        @HostAccess.Export
        public boolean initStage() {
            return vu.state().inInitStage();
        }

        /** Every record of the file at {@code path}, as JSON text each (what SharedArray keeps). */
        @HostAccess.Export
        public Value parseAll(String path, Value options) {
            CsvRecords records = records(path, options);
            List<Object> all = new ArrayList<>();
            for (Object record = next(records); record != null; record = next(records)) {
                all.add(record);
            }
            return vu.toJs(all);
        }

        @HostAccess.Export
        public Object newParser(String path, Value options) {
            return records(path, options);
        }

        /** The next record of a parser, or null at the end. */
        @HostAccess.Export
        public Value next(Object parser) {
            Object record = next((CsvRecords) parser);
            return record == null ? null : vu.toJs(record);
        }

        private Object next(CsvRecords records) {
            try {
                return records.next();
            } catch (CsvException e) {
                throw vu.jsError("Error", e.getMessage());
            }
        }

        private CsvRecords records(String path, Value options) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = options == null || options.isNull() ? Map.of()
                        : (Map<String, Object>) vu.fromJs(options);
                CsvOptions parsed = CsvOptions.from(map);
                byte[] data = vu.readFile(Path.of(path));
                return new CsvRecords(new String(data, StandardCharsets.UTF_8), parsed);
            } catch (CsvException e) {
                throw vu.jsError("Error", "failed to create a new parser; reason: " + e.getMessage());
            } catch (UncheckedIOException e) {
                throw vu.jsError("Error", "cannot read " + path + ": " + e.getCause().getMessage());
            }
        }
    }
}

package dev.k6j.testkit.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.engine.output.csv.CsvOutputFactory;
import dev.k6j.spi.OutputFactory;
import dev.k6j.testkit.OutputContract;
import dev.k6j.testkit.OutputTestKit.Delivered;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The engine's csv output passes the output contract every output's tests run. */
class CsvOutputContractTest extends OutputContract {

    @Override
    protected OutputFactory factory() {
        return new CsvOutputFactory();
    }

    @Override
    protected String argument() {
        return "fileName=results.csv,saveInterval=100ms";
    }

    @Override
    protected String stdoutArgument() {
        return "fileName=-,saveInterval=50ms";
    }

    @Override
    protected List<Delivered> delivered() throws Exception {
        List<String> lines = Files.readAllLines(workingDirectory.resolve("results.csv"));
        assertThat(lines.getFirst()).startsWith("metric_name,timestamp,metric_value,");
        List<Delivered> delivered = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", 4); // the name, time and value cells are never quoted here
            delivered.add(new Delivered(cells[0], Double.parseDouble(cells[2])));
        }
        return delivered;
    }
}

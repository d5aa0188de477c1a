package dev.k6j.engine.modules.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void readsQuotedFieldsLineBreaksAndCrLfLikeGo() {
        CsvReader reader = new CsvReader("a,\"b,c\",\"d\"\"e\"\r\n\r\n1,\"2\r\n3\",4", ',');
        assertThat(reader.next()).containsExactly("a", "b,c", "d\"e");
        assertThat(reader.next()).containsExactly("1", "2\n3", "4");
        assertThat(reader.next()).isNull();
    }

    @Test
    void refusesBareQuotesAndRaggedRecords() {
        assertThatThrownBy(() -> new CsvReader("a,b\"c\n", ',').next()).hasMessageContaining("bare \" in non-quoted-field");
        CsvReader ragged = new CsvReader("a,b\n1\n", ',');
        ragged.next();
        assertThatThrownBy(ragged::next).hasMessage("record on line 2: wrong number of fields");
    }

    @Test
    void optionsSelectLinesAndMakeObjects() {
        String text = "h1;h2\n1;2\n3;4\n5;6\n";
        assertThat(all(text, Map.of("delimiter", ";", "asObjects", true)))
                .containsExactly(Map.of("h1", "1", "h2", "2"), Map.of("h1", "3", "h2", "4"), Map.of("h1", "5", "h2", "6"));
        assertThat(all(text, Map.of("delimiter", ";", "fromLine", 1L, "toLine", 2L)))
                .containsExactly(List.of("1", "2"), List.of("3", "4"));
        assertThat(all(text, Map.of("delimiter", ";", "skipFirstLine", true))).hasSize(3);
    }

    @Test
    void contradictoryOptionsAreRefusedWithK6sWords() {
        assertThatThrownBy(() -> CsvOptions.from(Map.of("asObjects", true, "skipFirstLine", true)))
                .hasMessage("the 'header' option cannot be enabled when 'skipFirstLine' is true");
        assertThatThrownBy(() -> CsvOptions.from(Map.of("fromLine", 3L, "toLine", 2L)))
                .hasMessageContaining("'fromLine' option must be less than the 'toLine' option");
        assertThatThrownBy(() -> CsvOptions.from(Map.of("delimiter", "::")))
                .hasMessage("delimiter must be a single character");
    }

    private static List<Object> all(String text, Map<String, Object> options) {
        CsvRecords records = new CsvRecords(text, CsvOptions.from(options));
        List<Object> all = new ArrayList<>();
        for (Object record = records.next(); record != null; record = records.next()) {
            all.add(record);
        }
        return all;
    }
}

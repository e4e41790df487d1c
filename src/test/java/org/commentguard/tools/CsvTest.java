package org.commentguard.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTest {

    @Test
    void quotedFieldsKeepSeparatorsDoubledQuotesAndLineBreaks() {
        List<List<String>> rows = Csv.parse("a,b\n\"x, y\",\"she said \"\"no\"\"\nthen left\"\n");

        assertThat(rows).containsExactly(List.of("a", "b"), List.of("x, y", "she said \"no\"\nthen left"));
    }

    @Test
    void crlfLfAndLoneCrAllEndARecordAndBlankLinesAreSkipped() {
        assertThat(Csv.parse("a,b\r\n1,2\r\n\r\n3,4\r5,6\n\n"))
                .containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"), List.of("5", "6"));
    }

    @Test
    void emptyFieldsAndAnEmptyQuotedLastFieldAreKept() {
        assertThat(Csv.parse("a,,\"\"\n,x,")).containsExactly(List.of("a", "", ""), List.of("", "x", ""));
    }

    @Test
    void quoteInsideAnUnquotedFieldIsText() {
        assertThat(Csv.parse("5\" screen,ok\n\"quoted\"tail,z"))
                .containsExactly(List.of("5\" screen", "ok"), List.of("quotedtail", "z"));
    }

    @Test
    void leadingByteOrderMarkIsDropped() {
        assertThat(Csv.parse("\uFEFFid,text\n1,hi").get(0)).containsExactly("id", "text");
    }

    @Test
    void otherSeparatorsWork() {
        assertThat(Csv.parse("a;b,c\n\"1;2\";3", ';')).containsExactly(List.of("a", "b,c"), List.of("1;2", "3"));
    }

    @Test
    void readGivesHeaderAndRecordsPaddingShortRows(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("d.csv");
        Files.writeString(file, "\uFEFFid,text,label\n1,\"hello, world\",0\n2,short\n", StandardCharsets.UTF_8);

        Csv csv = Csv.read(file, ',');

        assertThat(csv.header()).containsExactly("id", "text", "label");
        assertThat(csv.rows()).hasSize(2);
        assertThat(csv.records())
                .containsExactly(
                        Map.of("id", "1", "text", "hello, world", "label", "0"),
                        Map.of("id", "2", "text", "short", "label", ""));
    }

    @Test
    void emptyFileIsAnError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("empty.csv");
        Files.writeString(file, "\n\n");

        assertThatThrownBy(() -> Csv.read(file, ','))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("empty");
    }
}

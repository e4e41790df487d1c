package org.commentguard.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one RFC 4180 reader of the offline training and evaluation tools: quoted fields, doubled quotes, separators
 * and line breaks inside quotes, CRLF, LF or CR line ends, a leading byte-order mark. Kept here rather than adding a
 * CSV dependency because only the tools (and tests) read CSV.
 *
 * <p>Lenient where the data sets are sloppy: a quote opens a quoted field only at the start of a field (elsewhere
 * it is text), text after a closing quote is kept, and blank lines are skipped.
 */
public final class Csv {

    private final List<String> header;
    private final List<List<String>> rows;

    private Csv(List<String> header, List<List<String>> rows) {
        this.header = header;
        this.rows = rows;
    }

    /** Reads a UTF-8 file whose first record is a header. */
    public static Csv read(Path file, char separator) throws IOException {
        return of(Files.readString(file, StandardCharsets.UTF_8), separator, file.toString());
    }

    /**
     * Text whose first record is a header, already read (for example from a gzipped file).
     *
     * @param source named in the error when the text holds no record
     */
    public static Csv of(String content, char separator, String source) throws IOException {
        List<List<String>> all = parse(content, separator);
        if (all.isEmpty()) {
            throw new IOException("empty file " + source);
        }
        return new Csv(all.get(0), all.subList(1, all.size()));
    }

    public List<String> header() {
        return header;
    }

    /** The records after the header, as read (rows may be shorter or longer than the header). */
    public List<List<String>> rows() {
        return rows;
    }

    /** Rows as column-name maps; short rows are padded with empty strings. */
    public List<Map<String, String>> records() {
        List<Map<String, String>> out = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), i < row.size() ? row.get(i) : "");
            }
            out.add(m);
        }
        return out;
    }

    /** All records of comma-separated text, the header (if any) included. */
    public static List<List<String>> parse(String content) {
        return parse(content, ',');
    }

    /** All records of {@code separator}-separated text, the header (if any) included. */
    public static List<List<String>> parse(String content, char separator) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int n = content.length();
        int i = n > 0 && content.charAt(0) == '\uFEFF' ? 1 : 0;
        for (; i < n; i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < n && content.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == separator) {
                row.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && content.charAt(i + 1) == '\n') {
                    i++;
                }
                // A line with nothing on it is not a record of one empty field.
                if (fieldStarted || !row.isEmpty()) {
                    row.add(field.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (fieldStarted || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}

package org.commentguard.scoring.toxicity.training;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal RFC 4180 reader (quoted fields, doubled quotes, line breaks inside quotes) for the shared data sets.
 * Kept here rather than adding a CSV dependency because only the offline training tools need it.
 */
public final class Csv {

    private final List<String> header;
    private final List<List<String>> rows;

    private Csv(List<String> header, List<List<String>> rows) {
        this.header = header;
        this.rows = rows;
    }

    public static Csv read(Path file, char separator) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<List<String>> all = parse(in, separator);
            if (all.isEmpty()) {
                throw new IOException("empty file " + file);
            }
            List<String> header = all.get(0);
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1));
            }
            return new Csv(header, all.subList(1, all.size()));
        }
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

    private static List<List<String>> parse(Reader in, char sep) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int c;
        while ((c = in.read()) != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next == -1) {
                            break;
                        }
                        // re-handle the character after the closing quote
                        ch = (char) next;
                        if (ch == sep) {
                            row.add(field.toString());
                            field.setLength(0);
                            fieldStarted = false;
                        } else if (ch == '\n' || ch == '\r') {
                            row.add(field.toString());
                            field.setLength(0);
                            fieldStarted = false;
                            rows.add(row);
                            row = new ArrayList<>();
                            if (ch == '\r') {
                                in.mark(1);
                                if (in.read() != '\n') {
                                    in.reset();
                                }
                            }
                        } else {
                            field.append(ch);
                        }
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (ch == sep) {
                row.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                if (fieldStarted || !row.isEmpty()) {
                    row.add(field.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
            } else {
                field.append(ch);
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

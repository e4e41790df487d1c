package org.commentguard.scoring.toxicity.training;

import org.commentguard.scoring.toxicity.ToxicityAttribute;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The toxicity training corpus as shipped in {@code models/toxicity/data/corpus.tsv.gz}: one labelled comment per
 * line, already assigned to a split, so training and evaluation are reproducible from the repository alone.
 *
 * <p>Columns: {@code source, id, split, group, toxicity, severe_toxicity, obscene, threat, insult,
 * identity_attack, text}. A label is {@code 1}, {@code 0} or {@code -} (the source does not label it); the text
 * escapes backslash, tab, CR and LF.
 */
public final class ToxicityCorpus {

    public static final Path DEFAULT_FILE = Path.of("models/toxicity/data/corpus.tsv.gz");

    public static final String TRAIN = "train";
    public static final String CALIBRATION = "calibration";
    public static final String TEST = "test";
    /** Held-out identity templates (identity-bias-madlibs), measured separately from the natural test split. */
    public static final String BIAS = "bias";

    /** Unknown label marker in memory. */
    public static final int UNKNOWN = -1;

    /**
     * One labelled comment.
     *
     * @param labels one of 1, 0 or {@link #UNKNOWN} per {@link ToxicityAttribute}, in enum order
     * @param group  identity term for bias templates, otherwise empty
     */
    public record Example(String source, String id, String split, String group, int[] labels, String text) {

        public int label(ToxicityAttribute attribute) {
            return labels[attribute.ordinal()];
        }
    }

    private ToxicityCorpus() {}

    public static List<Example> read(Path file) throws IOException {
        List<Example> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (header == null || !header.startsWith("source\t")) {
                throw new IOException(file + " is not a toxicity corpus");
            }
            String line;
            int n = ToxicityAttribute.values().length;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t", -1);
                if (f.length != 5 + n) {
                    throw new IOException(file + ": bad line with " + f.length + " columns");
                }
                int[] labels = new int[n];
                for (int i = 0; i < n; i++) {
                    String v = f[4 + i];
                    labels[i] = v.equals("-") ? UNKNOWN : Integer.parseInt(v);
                }
                out.add(new Example(f[0], f[1], f[2], f[3], labels, unescape(f[4 + n])));
            }
        }
        return out;
    }

    public static List<Example> read(Path file, Predicate<Example> filter) throws IOException {
        return read(file).stream().filter(filter).toList();
    }

    static void write(Path file, List<Example> examples) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter out = new BufferedWriter(
                new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
            StringBuilder h = new StringBuilder("source\tid\tsplit\tgroup");
            for (ToxicityAttribute a : ToxicityAttribute.values()) {
                h.append('\t').append(a.id());
            }
            out.write(h.append("\ttext\n").toString());
            for (Example e : examples) {
                StringBuilder b = new StringBuilder();
                b.append(e.source())
                        .append('\t')
                        .append(e.id())
                        .append('\t')
                        .append(e.split())
                        .append('\t')
                        .append(e.group());
                for (int l : e.labels()) {
                    b.append('\t').append(l == UNKNOWN ? "-" : Integer.toString(l));
                }
                b.append('\t').append(escape(e.text())).append('\n');
                out.write(b.toString());
            }
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 't' -> b.append('\t');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    default -> b.append(n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}

package org.commentguard.scoring.offtopic;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * The fitted calibration: three small logistic regressions over {@link RelevanceFeatures}, the drift model over
 * {@link DriftFeatures} that turns their result into the final score, and the thresholds of the rules around them. Written by {@code OffTopicCalibrationTrainer} to
 * {@code models/offtopic/calibration.properties}.
 *
 * @param article            P(comment is about the article | features against the article)
 * @param parent             P(reply engages its parent | features against the parent)
 * @param lexical            P(comment is about the article | lexical features only), for the embedding shortcut
 * @param lexicalSkipAbove   when {@code lexical} is at least this, the comment is on-topic without an embedding
 * @param minContentWords    comments with fewer content words carry too little evidence to be called off-topic
 * @param shortCommentCap    the highest off-topic score such a short comment can get
 * @param drift              P(off topic | drift features), the final score; null in a calibration written before
 *                           1.2.0 (and while the drift model is being fitted), when the score is {@code 1 - P(on)}
 */
public record OffTopicParameters(
        Logistic article,
        Logistic parent,
        Logistic lexical,
        double lexicalSkipAbove,
        int minContentWords,
        double shortCommentCap,
        Logistic drift) {

    /** A calibration without the drift model. */
    public OffTopicParameters(
            Logistic article,
            Logistic parent,
            Logistic lexical,
            double lexicalSkipAbove,
            int minContentWords,
            double shortCommentCap) {
        this(article, parent, lexical, lexicalSkipAbove, minContentWords, shortCommentCap, null);
    }

    /** The same calibration with another drift model. */
    public OffTopicParameters withDrift(Logistic fitted) {
        return new OffTopicParameters(
                article, parent, lexical, lexicalSkipAbove, minContentWords, shortCommentCap, fitted);
    }

    /** A logistic regression: {@code sigmoid(bias + weights · x)}. */
    public record Logistic(double bias, double[] weights) {
        public Logistic {
            weights = weights.clone();
        }

        public double probability(double[] x) {
            if (x.length != weights.length) {
                throw new IllegalArgumentException("expected " + weights.length + " features, got " + x.length);
            }
            double z = bias;
            for (int i = 0; i < x.length; i++) {
                z += weights[i] * x[i];
            }
            return 1.0 / (1.0 + Math.exp(-z));
        }

        @Override
        public double[] weights() {
            return weights.clone();
        }
    }

    public static OffTopicParameters read(InputStream in) {
        Properties p = new Properties();
        try {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read off-topic calibration", e);
        }
        return new OffTopicParameters(
                logistic(p, "article", RelevanceFeatures.NAMES.toArray(String[]::new)),
                logistic(p, "parent", RelevanceFeatures.NAMES.toArray(String[]::new)),
                logistic(p, "lexical", RelevanceFeatures.LEXICAL_NAMES.toArray(String[]::new)),
                number(p, "lexical.skip_above"),
                (int) number(p, "short_comment.min_content_words"),
                number(p, "short_comment.cap"),
                p.containsKey("drift.bias") ? logistic(p, "drift", DriftFeatures.NAMES.toArray(String[]::new)) : null);
    }

    /** The properties text the trainer writes; {@link #read} parses it back. */
    public String toProperties(String header) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(header).append('\n');
        write(sb, "article", article, RelevanceFeatures.NAMES.toArray(String[]::new));
        write(sb, "parent", parent, RelevanceFeatures.NAMES.toArray(String[]::new));
        write(sb, "lexical", lexical, RelevanceFeatures.LEXICAL_NAMES.toArray(String[]::new));
        sb.append("lexical.skip_above=").append(fmt(lexicalSkipAbove)).append('\n');
        sb.append("short_comment.min_content_words=").append(minContentWords).append('\n');
        sb.append("short_comment.cap=").append(fmt(shortCommentCap)).append('\n');
        if (drift != null) {
            write(sb, "drift", drift, DriftFeatures.NAMES.toArray(String[]::new));
        }
        return sb.toString();
    }

    private static void write(StringBuilder sb, String prefix, Logistic l, String[] names) {
        sb.append(prefix).append(".bias=").append(fmt(l.bias())).append('\n');
        double[] w = l.weights();
        for (int i = 0; i < names.length; i++) {
            sb.append(prefix)
                    .append(".w.")
                    .append(names[i])
                    .append('=')
                    .append(fmt(w[i]))
                    .append('\n');
        }
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.6f", d);
    }

    private static Logistic logistic(Properties p, String prefix, String[] names) {
        double[] w = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            w[i] = number(p, prefix + ".w." + names[i]);
        }
        return new Logistic(number(p, prefix + ".bias"), w);
    }

    private static double number(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("off-topic calibration lacks '" + key + "'");
        }
        return Double.parseDouble(v.trim());
    }
}

package org.commentguard.scoring.toxicity.transformer;

import org.commentguard.scoring.Span;
import org.commentguard.scoring.model.ModelArtifact;
import org.commentguard.scoring.toxicity.ToxicityAttribute;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Which words of a comment make it toxic, read from the same transformer pass that scores it: a logistic regression
 * over each word piece's final hidden state ({@code token_states}), fitted on the Civil Comments toxic-spans
 * annotations (CC0) by {@code ToxicSpanHeadTraining}; see the span head section of
 * {@code models/toxicity-transformer/MODEL_CARD.md}.
 *
 * <p>A word is marked when one of its pieces reaches the head's threshold, and marked words with only white space
 * between them form one stretch ("you stupid idiot"). Immutable and thread-safe.
 */
public final class SpanHead {

    /** The head's file beside the transformer's. */
    public static final String FILE = "span-head.properties";

    private final String id;
    private final double[] weights;
    private final double bias;
    private final double threshold;

    /**
     * @param id        {@code name@version}
     * @param weights   one per hidden unit
     * @param bias      the intercept
     * @param threshold token probability from which a word is marked
     */
    public SpanHead(String id, double[] weights, double bias, double threshold) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must lie in (0,1): " + threshold);
        }
        this.id = id;
        this.weights = weights.clone();
        this.bias = bias;
        this.threshold = threshold;
    }

    /**
     * The shipped head for {@code encoderId}, or empty when none is shipped.
     *
     * @throws ModelArtifact.ModelIntegrityException when the head was fitted on another encoder, or is malformed
     */
    public static Optional<SpanHead> loadShipped(String encoderId) {
        String path = "models/" + TransformerToxicityModel.MODEL_DIR + "/" + FILE;
        Properties p = new Properties();
        try (InputStream in = SpanHead.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        if (!encoderId.equals(p.getProperty("encoder"))) {
            throw new ModelArtifact.ModelIntegrityException(
                    path + " was fitted on " + p.getProperty("encoder") + ", not on " + encoderId);
        }
        try {
            String[] w = p.getProperty("weights", "").split(",");
            int dimension = Integer.parseInt(p.getProperty("dimension", "-1").trim());
            if (w.length != dimension) {
                throw new ModelArtifact.ModelIntegrityException(
                        path + " has " + w.length + " weights for dimension " + dimension);
            }
            double[] weights = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                weights[i] = Double.parseDouble(w[i].trim());
            }
            return Optional.of(new SpanHead(
                    p.getProperty("name") + "@" + p.getProperty("version"),
                    weights,
                    Double.parseDouble(p.getProperty("bias").trim()),
                    Double.parseDouble(p.getProperty("threshold").trim())));
        } catch (RuntimeException e) {
            if (e instanceof ModelArtifact.ModelIntegrityException) {
                throw e;
            }
            throw new ModelArtifact.ModelIntegrityException(path + " is malformed: " + e);
        }
    }

    /** {@code name@version}, e.g. {@code toxicity-span-head@1.0.0}. */
    public String id() {
        return id;
    }

    public double threshold() {
        return threshold;
    }

    public int dimension() {
        return weights.length;
    }

    /** The probability that the word piece with this final hidden state belongs to a toxic span. */
    public double tokenProbability(float[] state) {
        if (state.length != weights.length) {
            throw new IllegalArgumentException(
                    "state of " + state.length + " values for " + weights.length + " weights");
        }
        double z = bias;
        for (int i = 0; i < state.length; i++) {
            z += weights[i] * state[i];
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /**
     * A marked stretch of the text the head read, {@code [begin, end)}.
     *
     * @param score the highest token probability in it
     */
    public record Stretch(int begin, int end, double score) {}

    /**
     * The marked word pieces of one pass, each widened to its whole word of {@code text} (the text the pass read, of
     * which {@code offset} is where the pass's text begins), in order; pieces of one word give the same stretch until
     * {@link #joined} merges them.
     */
    public List<Stretch> words(String text, TransformerToxicityModel.Pass pass, int offset) {
        WordPieceTokenizer.Encoding e = pass.encoding();
        List<Stretch> out = new ArrayList<>();
        for (int t = 0; t < e.ids().length; t++) {
            if (e.begin()[t] < 0) {
                continue;
            }
            double p = tokenProbability(pass.states()[t]);
            if (p < threshold) {
                continue;
            }
            int begin = offset + e.begin()[t];
            int end = offset + e.end()[t];
            while (begin > 0 && Character.isLetterOrDigit(text.charAt(begin - 1))) {
                begin--;
            }
            while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
            out.add(new Stretch(begin, end, p));
        }
        return out;
    }

    /** This head with another token threshold (for tuning it). */
    public SpanHead withThreshold(double t) {
        return new SpanHead(id, weights, bias, t);
    }

    /**
     * The toxic stretches of a comment as written, from the pass that scored it and, for a comment longer than one
     * pass, from further passes over the rest (each begins at the start of the word the previous one stopped in).
     *
     * @param written   the comment as written
     * @param readable  how {@code model} read it ({@link TransformerToxicityModel#readableMapped})
     * @param first     the pass over {@code readable}
     * @param maxPasses at most this many passes in all
     */
    public List<Span> spans(
            TransformerToxicityModel model,
            String written,
            Deobfuscation.Readable readable,
            TransformerToxicityModel.Pass first,
            int maxPasses) {
        String read = readable.text();
        List<Stretch> marked = new ArrayList<>(words(read, first, 0));
        TransformerToxicityModel.Pass pass = first;
        int from = 0;
        for (int passes = 1; pass.encoding().truncated() && passes < maxPasses; passes++) {
            int next = from + pass.encoding().coveredEnd();
            while (next > from + 1 && Character.isLetterOrDigit(read.charAt(next - 1))) {
                next--;
            }
            if (next <= from) {
                break;
            }
            from = next;
            pass = model.predictWithStates(read.substring(from));
            marked.addAll(words(read, pass, from));
        }
        marked.sort(Comparator.comparingInt(Stretch::begin));
        List<Span> spans = new ArrayList<>();
        for (Stretch s : joined(read, marked)) {
            int begin = readable.original(s.begin(), written.length());
            int end = readable.original(s.end() - 1, written.length()) + 1;
            spans.add(new Span(
                    begin, end, ToxicityAttribute.TOXICITY.id(), s.score(), written.substring(begin, end), null, null));
        }
        return spans;
    }

    /** Joins marked words that only white space separates in {@code text}. */
    public static List<Stretch> joined(String text, List<Stretch> words) {
        List<Stretch> out = new ArrayList<>();
        for (Stretch w : words) {
            Stretch last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null
                    && (w.begin() <= last.end()
                            || text.substring(last.end(), w.begin()).isBlank())) {
                out.set(
                        out.size() - 1,
                        new Stretch(last.begin(), Math.max(last.end(), w.end()), Math.max(last.score(), w.score())));
            } else {
                out.add(w);
            }
        }
        return out;
    }
}

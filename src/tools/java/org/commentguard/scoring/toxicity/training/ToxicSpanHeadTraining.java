package org.commentguard.scoring.toxicity.training;

import org.commentguard.learning.LogisticFit;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.Signal;
import org.commentguard.scoring.Span;
import org.commentguard.scoring.toxicity.ToxicityScorer;
import org.commentguard.scoring.toxicity.transformer.Deobfuscation;
import org.commentguard.scoring.toxicity.transformer.SpanHead;
import org.commentguard.scoring.toxicity.transformer.TransformerRefiner;
import org.commentguard.scoring.toxicity.transformer.TransformerToxicityModel;
import org.commentguard.tools.Csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * Fits the toxicity span head ({@link SpanHead}, {@code models/toxicity-transformer/span-head.properties}) and
 * measures it against the spans the service gave before it, one transformer pass per sentence.
 *
 * <p>Data: the SemEval-2021 toxic spans posts (Civil Comments, CC0), each with the character offsets its annotators
 * marked as toxic, and {@value #CIVIL_PER_SOURCE} civil comments from each of two sources of the transformer's own
 * training table (its train split), with nothing marked. The head is fitted on 90 % of them by a hash of the text;
 * the other 10 % choose the token threshold. Each word piece of the model's first pass over a post is one row: its final hidden
 * state, labelled toxic when any character it stands for was marked. The trial file (690 posts) was never read by
 * the transformer's training either, so it is the clean held-out set; the test file's posts were in the
 * transformer's training table as whole toxic posts, and the sentences their annotators left unmarked as clean
 * sentences, so the test figures favour both span methods.
 *
 * <p>Metric: SemEval-2021 task 5's, the character F1 of each post (1 when both the gold and the predicted spans are
 * empty), averaged over posts. "Served" figures come from {@link ToxicityScorer} as the service runs it, so a post
 * whose refined toxicity is under the span floor (0.5) gets no spans.
 *
 * <p>usage: {@code ToxicSpanHeadTraining [DATA_DIR [OUT_PROPERTIES [TRAINING_TABLE]]]}, defaults
 * {@code ../shared/data/toxic-spans-civil-comments}, {@code models/toxicity-transformer/span-head.properties} and
 * {@code models/toxicity-transformer/data/toxicity_train.csv.gz}. The civil comments of the table's test split, which
 * neither the head nor the transformer read, measure how often the head marks words in civil text.
 */
public final class ToxicSpanHeadTraining {

    static final String NAME = "toxicity-span-head";
    static final String VERSION = "1.0.0";
    /**
     * Civil comments (toxicity 0) of each of two sources of the transformer's training table, Jigsaw (CC0) and CAT's
     * Civil Comments (Apache-2.0), whose every word piece is a negative row. Without them the head only ever saw
     * toxic posts, and marked plain nouns ("imported steel") in the civil part of a long comment.
     */
    static final int CIVIL_PER_SOURCE = 1_500;

    /** Ridge penalty; 10 and 1 were compared on the tuning posts (the log of the first fit is in the model card). */
    static final double LAMBDA = 10.0;

    private ToxicSpanHeadTraining() {}

    record Post(String text, Set<Integer> gold) {}

    /** A post as the model read it in one pass. */
    record Read(Post post, Deobfuscation.Readable readable, TransformerToxicityModel.Pass pass) {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/toxic-spans-civil-comments");
        Path out = Path.of(args.length > 1 ? args[1] : "models/toxicity-transformer/span-head.properties");
        Path table = Path.of(args.length > 2 ? args[2] : "models/toxicity-transformer/data/toxicity_train.csv.gz");
        List<Post> train = new ArrayList<>(read(dir.resolve("SemEval2021_data_tsd_train.csv")));
        List<Post> civilTrain = civil(table, "train", CIVIL_PER_SOURCE);
        train.addAll(civilTrain);
        List<Post> fit = new ArrayList<>();
        List<Post> tune = new ArrayList<>();
        for (Post p : train) {
            (Math.floorMod(p.text().hashCode(), 10) == 0 ? tune : fit).add(p);
        }
        System.out.printf(
                Locale.ROOT,
                "%d toxic-spans posts and %d civil comments: %d to fit, %d to tune%n",
                train.size() - civilTrain.size(),
                civilTrain.size(),
                fit.size(),
                tune.size());
        try (TransformerToxicityModel model = TransformerToxicityModel.loadShipped(1)) {
            ExecutorService pool =
                    Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
            try {
                long t0 = System.nanoTime();
                List<Read> fitRead = map(pool, fit, p -> readOnce(model, p));
                List<Read> tuneRead = map(pool, tune, p -> readOnce(model, p));
                System.out.printf(
                        Locale.ROOT,
                        "read %d fit and %d tuning posts in %.0f s%n",
                        fit.size(),
                        tune.size(),
                        (System.nanoTime() - t0) / 1e9);

                List<double[]> x = new ArrayList<>();
                List<Boolean> y = new ArrayList<>();
                for (Read r : fitRead) {
                    addRows(r, x, y);
                }
                boolean[] labels = new boolean[y.size()];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = y.get(i);
                }
                t0 = System.nanoTime();
                double[] w = LogisticFit.fit(x.toArray(double[][]::new), labels, LAMBDA);
                long positives = y.stream().filter(b -> b).count();
                System.out.printf(
                        Locale.ROOT,
                        "fitted on %d word pieces (%d in a toxic span), lambda %.1f, in %.0f s%n",
                        labels.length,
                        positives,
                        LAMBDA,
                        (System.nanoTime() - t0) / 1e9);
                x.clear();

                int d = w.length - 1;
                double[] weights = java.util.Arrays.copyOf(w, d);
                SpanHead head = new SpanHead(NAME + "@" + VERSION, weights, w[d], 0.5);
                double bestT = 0.5;
                double bestF1 = -1;
                for (int k = 2; k <= 17; k++) {
                    double t = k * 0.05;
                    double f1 = meanF1(tuneRead, r -> spans(model, head.withThreshold(t), r));
                    System.out.printf(Locale.ROOT, "  threshold %.2f: tuning F1 %.4f%n", t, f1);
                    if (f1 > bestF1) {
                        bestF1 = f1;
                        bestT = t;
                    }
                }
                SpanHead tuned = head.withThreshold(bestT);
                write(out, model.modelId(), weights, w[d], bestT, labels.length, positives, fit.size(), bestF1);
                System.out.printf(Locale.ROOT, "threshold %.2f (tuning F1 %.4f) -> %s%n", bestT, bestF1, out);

                evaluate(pool, model, tuned, "train, tuning 10 %", tune);
                evaluate(pool, model, tuned, "trial (held out)", read(dir.resolve("SemEval2021_data_tsd_trial.csv")));
                evaluate(pool, model, tuned, "test", read(dir.resolve("SemEval2021_data_tsd_test.csv")));
                List<Post> civilTest = civil(table, "test", Integer.MAX_VALUE);
                List<Double> marked = map(pool, civilTest, p -> {
                    Deobfuscation.Readable r = model.readableMapped(p.text());
                    List<Span> spans = tuned.spans(
                            model, p.text(), r, model.predictWithStates(r.text()), TransformerRefiner.MAX_SPAN_PASSES);
                    return spans.isEmpty() ? 0.0 : 1.0;
                });
                System.out.printf(
                        Locale.ROOT,
                        "civil comments never read by the head or the transformer (test split), %d: the head marks"
                                + " a word in %.1f %% of them when asked (the service asks only of comments scored"
                                + " toxic)%n",
                        civilTest.size(),
                        100
                                * marked.stream()
                                        .mapToDouble(Double::doubleValue)
                                        .average()
                                        .orElse(0));
                evaluate(pool, model, tuned, "civil comments (test split)", civilTest);
            } finally {
                pool.shutdown();
            }
        }
    }

    /** The served scorer both ways, on one set: spans from the head, and one pass per sentence. */
    private static void evaluate(
            ExecutorService pool, TransformerToxicityModel model, SpanHead head, String name, List<Post> posts)
            throws Exception {
        ToxicityScorer withHead = served(model, head);
        ToxicityScorer perSentence = served(model, null);
        for (ToxicityScorer scorer : List.of(withHead, perSentence)) {
            long t0 = System.nanoTime();
            List<double[]> f = map(pool, posts, p -> {
                long start = System.nanoTime();
                Signal s = scorer.score(ScoringContext.of(p.text()));
                double ms = (System.nanoTime() - start) / 1e6;
                Set<Integer> predicted = new HashSet<>();
                for (Span span : s.spans()) {
                    for (int c = span.begin(); c < span.end(); c++) {
                        predicted.add(c);
                    }
                }
                return new double[] {f1(predicted, p.gold()), ms, s.spans().isEmpty() ? 1 : 0};
            });
            System.out.printf(
                    Locale.ROOT,
                    "%s, %d posts, served spans %s: F1 %.4f, posts without spans %.1f %%, %.1f ms per post"
                            + " (%.0f s)%n",
                    name,
                    posts.size(),
                    scorer == withHead ? "from the span head" : "per sentence",
                    f.stream().mapToDouble(v -> v[0]).average().orElse(0),
                    100 * f.stream().mapToDouble(v -> v[2]).average().orElse(0),
                    f.stream().mapToDouble(v -> v[1]).average().orElse(0),
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    private static ToxicityScorer served(TransformerToxicityModel model, SpanHead head) {
        return new ToxicityScorer(
                ToxicityScorer.loadShipped(),
                ToxicityScorer.MODEL_NAME + "@" + ToxicityScorer.MODEL_VERSION,
                ToxicityScorer.Settings.DEFAULT,
                TransformerRefiner.withShippedBlend(model, head));
    }

    private static Read readOnce(TransformerToxicityModel model, Post p) {
        Deobfuscation.Readable readable = model.readableMapped(p.text());
        return new Read(p, readable, model.predictWithStates(readable.text()));
    }

    /** One row per word piece of the first pass; toxic when a character it stands for was marked. */
    private static void addRows(Read r, List<double[]> x, List<Boolean> y) {
        int[] begin = r.pass().encoding().begin();
        int[] end = r.pass().encoding().end();
        int length = r.post().text().length();
        for (int t = 0; t < begin.length; t++) {
            if (begin[t] < 0) {
                continue;
            }
            int from = r.readable().original(begin[t], length);
            int to = r.readable().original(end[t] - 1, length) + 1;
            boolean toxic = false;
            for (int c = from; c < to && !toxic; c++) {
                toxic = r.post().gold().contains(c);
            }
            float[] state = r.pass().states()[t];
            double[] row = new double[state.length];
            for (int i = 0; i < row.length; i++) {
                row[i] = state[i];
            }
            x.add(row);
            y.add(toxic);
        }
    }

    private static double spans(TransformerToxicityModel model, SpanHead head, Read r) {
        Set<Integer> predicted = new HashSet<>();
        for (Span s : head.spans(model, r.post().text(), r.readable(), r.pass(), TransformerRefiner.MAX_SPAN_PASSES)) {
            for (int c = s.begin(); c < s.end(); c++) {
                predicted.add(c);
            }
        }
        return f1(predicted, r.post().gold());
    }

    private static double meanF1(List<Read> reads, java.util.function.ToDoubleFunction<Read> f1) {
        return reads.stream().mapToDouble(f1).average().orElse(0);
    }

    /** SemEval-2021 task 5's per-post character F1. */
    static double f1(Set<Integer> predicted, Set<Integer> gold) {
        if (gold.isEmpty()) {
            return predicted.isEmpty() ? 1 : 0;
        }
        if (predicted.isEmpty()) {
            return 0;
        }
        long tp = predicted.stream().filter(gold::contains).count();
        if (tp == 0) {
            return 0;
        }
        double p = (double) tp / predicted.size();
        double r = (double) tp / gold.size();
        return 2 * p * r / (p + r);
    }

    /** Up to {@code perSource} civil comments of {@code split} from each of Jigsaw and CAT, every k-th, no spans. */
    static List<Post> civil(Path table, String split, int perSource) throws IOException {
        String content;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(table))) {
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Map<String, String>> records =
                Csv.of(content, ',', table.toString()).records();
        List<Post> out = new ArrayList<>();
        for (String source : List.of("jigsaw", "cat")) {
            List<String> texts = new ArrayList<>();
            for (Map<String, String> r : records) {
                if (source.equals(r.get("source")) && split.equals(r.get("split")) && "0".equals(r.get("toxicity"))) {
                    texts.add(r.get("text"));
                }
            }
            int step = Math.max(1, texts.size() / perSource);
            int taken = 0;
            for (int i = 0; i < texts.size() && taken < perSource; i += step, taken++) {
                out.add(new Post(texts.get(i), Set.of()));
            }
        }
        return out;
    }

    static List<Post> read(Path file) throws IOException {
        List<Post> posts = new ArrayList<>();
        for (Map<String, String> r : Csv.read(file, ',').records()) {
            Set<Integer> gold = new HashSet<>();
            String list = r.get("spans").replaceAll("[\\[\\]\\s]", "");
            if (!list.isEmpty()) {
                for (String c : list.split(",")) {
                    gold.add(Integer.parseInt(c));
                }
            }
            posts.add(new Post(r.get("text"), gold));
        }
        return posts;
    }

    private static <T, R> List<R> map(ExecutorService pool, List<T> items, Function<T, R> f) throws Exception {
        List<Future<R>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(pool.submit(() -> f.apply(item)));
        }
        List<R> out = new ArrayList<>(items.size());
        for (Future<R> future : futures) {
            out.add(future.get());
        }
        return out;
    }

    private static void write(
            Path out,
            String encoder,
            double[] weights,
            double bias,
            double threshold,
            int rows,
            long positives,
            int posts,
            double tuningF1)
            throws IOException {
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < weights.length; i++) {
            w.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.7g", weights[i]));
        }
        String text = String.join(
                "\n",
                "# Toxicity span head: logistic regression over the transformer's token_states, fitted by",
                "# src/tools/run ToxicSpanHeadTraining on the SemEval-2021 toxic spans train posts (Civil Comments, CC0).",
                "# See the span head section of MODEL_CARD.md. Regenerate it; do not edit it.",
                "name=" + NAME,
                "version=" + VERSION,
                "encoder=" + encoder,
                "dimension=" + weights.length,
                String.format(Locale.ROOT, "threshold=%.2f", threshold),
                String.format(Locale.ROOT, "bias=%.7g", bias),
                String.format(Locale.ROOT, "lambda=%.1f", LAMBDA),
                "fit.posts=" + posts,
                "fit.word_pieces=" + rows,
                "fit.toxic_word_pieces=" + positives,
                String.format(Locale.ROOT, "tuning.f1=%.4f", tuningF1),
                "weights=" + w,
                "");
        Files.writeString(out, text, StandardCharsets.UTF_8);
    }
}

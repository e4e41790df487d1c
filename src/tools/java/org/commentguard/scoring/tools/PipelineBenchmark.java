package org.commentguard.scoring.tools;

import org.commentguard.article.text.ArticleTextExtractor;
import org.commentguard.scoring.ScoreResult;
import org.commentguard.scoring.Scorer;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.ScoringPipeline;
import org.commentguard.scoring.SiteScoringData;
import org.commentguard.scoring.language.LanguageScorer;
import org.commentguard.scoring.offtopic.OffTopicModel;
import org.commentguard.scoring.offtopic.OffTopicScorer;
import org.commentguard.scoring.profanity.ProfanityScorer;
import org.commentguard.scoring.spam.SpamScorer;
import org.commentguard.scoring.toxicity.ToxicityScorer;
import org.commentguard.scoring.toxicity.transformer.TransformerRefiner;
import org.commentguard.scoring.toxicity.transformer.TransformerToxicityModel;
import org.commentguard.tools.Csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-process latency of each scorer and of the full pipeline (cascade included) on real comments scored against a
 * real article, then throughput with one and two threads. Not a test: the numbers belong to the machine.
 *
 * <p>Usage: {@code PipelineBenchmark [comments.csv] [comments] [article.txt]}; defaults: the CC0 Civil Comments
 * toxic-spans training file in {@code ../shared/data}, 2,000 comments, the first seed article.
 */
public final class PipelineBenchmark {

    private PipelineBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(
                args.length > 0 ? args[0] : "../shared/data/toxic-spans-civil-comments/SemEval2021_data_tsd_train.csv");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        // The seed pages are test fixtures (no licence), so the article comes from src/test/resources.
        Path articleFile = Path.of(
                args.length > 2
                        ? args[2]
                        : "src/test/resources/org/commentguard/article/text/seeds/004_cbdc01941bd59647.txt");
        List<String> comments = comments(csv, count);
        org.commentguard.article.text.CleanArticle article =
                new ArticleTextExtractor().fromPlainText(Files.readString(articleFile, StandardCharsets.UTF_8));

        Memory before = Memory.now();
        long load = System.nanoTime();
        TransformerToxicityModel transformer = TransformerToxicityModel.loadShipped(1);
        List<Scorer> scorers = List.of(
                new LanguageScorer(),
                ProfanityScorer.shipped(),
                new SpamScorer(org.commentguard.scoring.model.ModelArtifact.load("spam")),
                new ToxicityScorer(
                        ToxicityScorer.loadShipped(),
                        "toxicity-maxent",
                        ToxicityScorer.Settings.DEFAULT,
                        TransformerRefiner.withShippedBlend(transformer)),
                new OffTopicScorer(OffTopicModel.loadShipped()));
        ScoringPipeline pipeline = new ScoringPipeline(scorers);
        System.out.printf(
                Locale.ROOT,
                "models loaded in %d ms; %d comments (mean %d chars); %s %s; %d cores%n",
                (System.nanoTime() - load) / 1_000_000,
                comments.size(),
                comments.stream().mapToInt(String::length).sum() / comments.size(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        ScoringContext.ArticleText articleText = new ScoringContext.ArticleText(article.title(), article.body());

        // Warm-up: JIT, and the article's sentence embeddings enter the cache as they would in service.
        for (int i = 0; i < Math.min(300, comments.size()); i++) {
            pipeline.score(context(comments.get(i), articleText));
        }
        Memory after = Memory.now();
        System.out.printf(
                Locale.ROOT,
                "memory: JVM heap used %d MiB before loading, %d MiB with all models loaded and"
                        + " warm; process RSS %d MiB before, %d MiB after (models + onnxruntime sessions + JIT:"
                        + " %d MiB)%n",
                before.heapMiB(),
                after.heapMiB(),
                before.rssMiB(),
                after.rssMiB(),
                after.rssMiB() - before.rssMiB());

        Map<String, long[]> perScorer = new LinkedHashMap<>();
        for (Scorer s : scorers) {
            long[] lat = new long[comments.size()];
            for (int i = 0; i < comments.size(); i++) {
                long t0 = System.nanoTime();
                s.score(context(comments.get(i), articleText));
                lat[i] = System.nanoTime() - t0;
            }
            perScorer.put(s.id(), lat);
        }
        long[] full = new long[comments.size()];
        int refined = 0;
        for (int i = 0; i < comments.size(); i++) {
            long t0 = System.nanoTime();
            ScoreResult r = pipeline.score(context(comments.get(i), articleText));
            full[i] = System.nanoTime() - t0;
            if (r.reasons().contains("toxicity.refined")) {
                refined++;
            }
        }
        System.out.println("stage            p50 ms    p99 ms   mean ms");
        perScorer.forEach((id, lat) -> print(id, lat));
        print("full pipeline", full);
        System.out.printf(
                Locale.ROOT,
                "comments refined by the transformer: %d of %d (%.1f%%)%n",
                refined,
                comments.size(),
                100.0 * refined / comments.size());
        for (int threads : new int[] {1, 2}) {
            System.out.printf(
                    Locale.ROOT,
                    "throughput, %d thread(s): %.0f comments/s%n",
                    threads,
                    throughput(pipeline, comments, articleText, threads));
        }
        transformer.close();
    }

    /** Heap used after a full GC, and the resident set size of the process (native model memory included). */
    record Memory(long heapMiB, long rssMiB) {
        static Memory now() throws IOException {
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long heap = (rt.totalMemory() - rt.freeMemory()) >> 20;
            long rss = -1;
            Path status = Path.of("/proc/self/status");
            if (Files.exists(status)) {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        rss = Long.parseLong(line.replaceAll("\\D", "")) >> 10; // kB -> MiB
                    }
                }
            }
            return new Memory(heap, rss);
        }
    }

    private static ScoringContext context(String text, ScoringContext.ArticleText article) {
        return new ScoringContext(text, Optional.of(article), Optional.empty(), List.of(), SiteScoringData.NONE);
    }

    private static double throughput(
            ScoringPipeline pipeline, List<String> comments, ScoringContext.ArticleText article, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < comments.size()) {
                    pipeline.score(context(comments.get(i), article));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return comments.size() / ((System.nanoTime() - t0) / 1e9);
    }

    private static void print(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        System.out.printf(
                Locale.ROOT,
                "%-15s %8.3f  %8.3f  %8.3f%n",
                name,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
                mean);
    }

    /**
     * Comment texts from the CSV's {@code text} column (the Civil Comments toxic-spans format: spans,text), or from
     * the Kaggle insults format ({@code Insult,Date,Comment} with escaped texts) when the file has a
     * {@code Comment} column: news-site comments of which about a quarter are insults, a more realistic mix than
     * the toxic-spans posts (every one of which was rated toxic).
     */
    static List<String> comments(Path csv, int count) throws IOException {
        List<java.util.Map<String, String>> records = Csv.read(csv, ',').records();
        if (!records.isEmpty() && records.get(0).containsKey("Comment")) {
            return org.commentguard.scoring.toxicity.training.ToxicityModelEvaluation.kaggleInsults(csv)
                    .keySet()
                    .stream()
                    .filter(t -> !t.isBlank())
                    .limit(count)
                    .toList();
        }
        return records.stream()
                .map(r -> r.getOrDefault("text", "").strip())
                .filter(t -> !t.isEmpty())
                .limit(count)
                .toList();
    }
}

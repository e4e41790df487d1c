package org.commentguard.scoring.offtopic.training;

import org.commentguard.article.text.ArticleTextExtractor;
import org.commentguard.article.text.CleanArticle;
import org.commentguard.scoring.training.Csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Builds the labelled pairs the off-topic calibration is fitted on, from the licensed data copied into
 * {@code models/offtopic/data/} (see its {@code DATA_CARD.md}). Deterministic for a given seed.
 */
public final class CalibrationData {

    /** A text judged against a reference document; {@code label} 1 means the text is about the reference. */
    public record Pair(String source, String text, String title, String reference, int label) {
    }

    /** Seed pages with a story of their own (001 repeats 000 under a newsletter banner). */
    private static final List<String> SEED_ARTICLES = List.of("000_d022ffe205932621.txt",
            "002_e6bd56ca8fbb9500.txt", "003_ecd857375214579b.txt", "004_cbdc01941bd59647.txt");

    private final Path dir;
    private final Random random;

    public CalibrationData(Path dir, long seed) {
        this.dir = dir;
        this.random = new Random(seed);
    }

    /** Comment (or held-out article sentence) against its own article versus another article. */
    public List<Pair> articlePairs() throws IOException {
        ArticleTextExtractor extractor = new ArticleTextExtractor();
        Map<String, CleanArticle> seeds = new LinkedHashMap<>();
        for (String f : SEED_ARTICLES) {
            seeds.put(f, extractor.fromPlainText(Files.readString(dir.resolve("seeds").resolve(f))));
        }
        List<String[]> stories = tsv(dir.resolve("other-stories.tsv"));
        List<Pair> pairs = new ArrayList<>();

        // Real comments of the ZeroHedge thread, hand-labelled, against their article and against other stories.
        CleanArticle zh = seeds.get("004_cbdc01941bd59647.txt");
        for (String[] c : tsv(dir.resolve("zerohedge-comments.tsv"))) {
            pairs.add(new Pair("zerohedge", c[4], zh.title(), zh.body(), Integer.parseInt(c[3])));
            for (String[] other : stories) {
                pairs.add(new Pair("zerohedge", c[4], other[2], other[3], 0));
            }
        }

        // One sentence of a held-out paragraph stands in for a comment that picks up a point of the story. A single
        // sentence, not the whole paragraph: real comments share far less text with the article than a paragraph
        // of it does, and whole paragraphs set the bar for "on topic" too high.
        for (CleanArticle a : seeds.values()) {
            List<String> paragraphs = List.of(a.body().split("\n\n"));
            for (int i = 0; i < paragraphs.size(); i++) {
                String[] sentences = paragraphs.get(i).split("(?<=[.!?][\"”’]?)\\s+(?=[A-Z“\"])");
                String p = sentences[random.nextInt(sentences.length)];
                if (p.split("\\s+").length < 8) {
                    continue;
                }
                List<String> rest = new ArrayList<>(paragraphs);
                rest.remove(i);
                pairs.add(new Pair("seed-sentence", p, a.title(), String.join("\n\n", rest), 1));
                String[] other = stories.get(random.nextInt(stories.size()));
                pairs.add(new Pair("seed-sentence", p, other[2], other[3], 0));
            }
        }
        // And the other way round: a teaser story's text against a trade article.
        List<CleanArticle> articles = new ArrayList<>(seeds.values());
        for (String[] s : stories) {
            CleanArticle a = articles.get(random.nextInt(articles.size()));
            pairs.add(new Pair("story", s[3], a.title(), a.body(), 0));
        }

        // Real reader comments from elsewhere (CAT, Wikipedia talk pages) under a trade article: long-article
        // negatives, so that article length alone cannot separate the classes.
        List<String[]> cat = catRows();
        for (int i = 0; i < 120 && i < cat.size(); i++) {
            CleanArticle a = articles.get(random.nextInt(articles.size()));
            pairs.add(new Pair("cat-comment", cat.get(cat.size() - 1 - i)[0].strip(), a.title(), a.body(), 0));
        }
        return pairs;
    }

    /** A reply against its real parent versus a random other parent (CAT, Wikipedia talk pages). */
    public List<Pair> parentPairs() throws IOException {
        List<String[]> data = catRows();
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            String[] r = data.get(i);
            pairs.add(new Pair("cat", r[0].strip(), "", r[1].strip(), 1));
            String[] other = data.get((i + 1 + random.nextInt(data.size() - 1)) % data.size());
            pairs.add(new Pair("cat", r[0].strip(), "", other[1].strip(), 0));
        }
        return pairs;
    }

    private List<String[]> catRows() throws IOException {
        List<String[]> data = new ArrayList<>();
        for (List<String> r : Csv.read(dir.resolve("cat").resolve("CAT_SMALL_cat_small.csv"), ',').rows()) {
            if (r.size() >= 2 && r.get(0).strip().split("\\s+").length >= 4 && !r.get(1).isBlank()) {
                data.add(r.toArray(String[]::new));
            }
        }
        return data;
    }

    /** Splits pairs into train (index 0) and held-out (index 1) by a seeded shuffle. */
    public static List<List<Pair>> split(List<Pair> pairs, double heldOut, long seed) {
        List<Pair> shuffled = new ArrayList<>(pairs);
        java.util.Collections.shuffle(shuffled, new Random(seed));
        int cut = (int) Math.round(shuffled.size() * (1 - heldOut));
        return List.of(shuffled.subList(0, cut), shuffled.subList(cut, shuffled.size()));
    }

    static List<String[]> tsv(Path p) throws IOException {
        try (Stream<String> lines = Files.lines(p, StandardCharsets.UTF_8)) {
            return lines.skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).toList();
        }
    }
}

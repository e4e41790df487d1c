package org.commentguard.scoring.offtopic.training;

import org.commentguard.article.text.ArticleTextExtractor;
import org.commentguard.article.text.CleanArticle;
import org.commentguard.tools.Csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds the labelled pairs the off-topic calibration is fitted on, from the licensed data in
 * {@code models/offtopic/data/} (see its {@code DATA_CARD.md}): the project-written article corpus
 * ({@code articles/}, CC0) and CAT (Wikipedia talk replies, Apache-2.0). Deterministic for a given seed.
 */
public final class CalibrationData {

    /** A text judged against a reference document; {@code label} 1 means the text is about the reference. */
    public record Pair(String source, String text, String title, String reference, int label) {}

    /**
     * A reader comment of the corpus. {@code onTopic} says whether it is about its article;
     * {@code engagesParent} is null for a top-level comment.
     */
    public record Comment(
            String id, String parentId, boolean onTopic, Boolean engagesParent, String kind, String text) {}

    /** A corpus article (boilerplate removed by {@link ArticleTextExtractor}) with its comments in thread order. */
    public record Article(String id, String topic, String group, String title, String body, List<Comment> comments) {

        public Map<String, Comment> commentsById() {
            Map<String, Comment> byId = new LinkedHashMap<>();
            comments.forEach(c -> byId.put(c.id(), c));
            return byId;
        }
    }

    /** Articles for fitting and articles held out; no article is in both. */
    public record Split(List<Article> train, List<Article> heldOut) {}

    /** Wikipedia talk comments (CAT) used as "other article" negatives: long, real, and about nothing here. */
    static final int CAT_NEGATIVES = 120;

    private final Path dir;
    private final long seed;

    public CalibrationData(Path dir, long seed) {
        this.dir = dir;
        this.seed = seed;
    }

    /** The corpus articles in id order, each with its comments. */
    public List<Article> articles() throws IOException {
        Path articles = dir.resolve("articles");
        Map<String, List<Comment>> comments = new TreeMap<>();
        for (String[] c : tsv(articles.resolve("comments.tsv"))) {
            Boolean engages = c[4].isEmpty() ? null : c[4].equals("yes");
            comments.computeIfAbsent(c[0], k -> new ArrayList<>())
                    .add(new Comment(c[1], c[2].isEmpty() ? null : c[2], label(c[3]), engages, c[5], c[6]));
        }
        ArticleTextExtractor extractor = new ArticleTextExtractor();
        List<Article> out = new ArrayList<>();
        for (String[] a : tsv(articles.resolve("index.tsv"))) {
            CleanArticle clean =
                    extractor.fromPlainText(Files.readString(articles.resolve(a[3]), StandardCharsets.UTF_8));
            out.add(new Article(a[0], a[1], a[2], clean.title(), clean.body(), comments.getOrDefault(a[0], List.of())));
        }
        return out;
    }

    /**
     * Holds out about {@code heldOut} of the articles of each group (economy, politics, …), by a seeded shuffle, so
     * the held-out set keeps close neighbours (trade next to markets next to central banks) and not only easy ones.
     */
    public Split split(List<Article> articles, double heldOut) {
        Map<String, List<Article>> byGroup = new TreeMap<>();
        articles.forEach(
                a -> byGroup.computeIfAbsent(a.group(), k -> new ArrayList<>()).add(a));
        Random random = new Random(seed);
        List<Article> train = new ArrayList<>();
        List<Article> test = new ArrayList<>();
        for (List<Article> group : byGroup.values()) {
            List<Article> shuffled = new ArrayList<>(group);
            Collections.shuffle(shuffled, random);
            int cut = (int) Math.round(shuffled.size() * heldOut);
            test.addAll(shuffled.subList(0, cut));
            train.addAll(shuffled.subList(cut, shuffled.size()));
        }
        return new Split(sortById(train), sortById(test));
    }

    /**
     * Comment against its own article (1 when it is on topic, 0 when it is off topic) and each on-topic comment
     * against another article of the same set (0): one from its own group where there is one, and one at random.
     * CAT comments under an article of the set (0) keep article length and style from separating the classes.
     * {@code heldOut} picks which share of the CAT comments is used, so they too are never in both sets.
     */
    public List<Pair> articlePairs(List<Article> articles, boolean heldOut) throws IOException {
        Random random = new Random(seed + (heldOut ? 1 : 0));
        List<Pair> pairs = new ArrayList<>();
        for (Article a : articles) {
            for (Comment c : a.comments()) {
                pairs.add(new Pair("own-" + c.kind(), c.text(), a.title(), a.body(), c.onTopic() ? 1 : 0));
                if (!c.onTopic()) {
                    continue;
                }
                List<Article> near = articles.stream()
                        .filter(o -> o != a && o.group().equals(a.group()))
                        .toList();
                if (!near.isEmpty()) {
                    Article o = near.get(random.nextInt(near.size()));
                    pairs.add(new Pair("other-same-group", c.text(), o.title(), o.body(), 0));
                }
                Article o = other(articles, a, random);
                pairs.add(new Pair("other-random", c.text(), o.title(), o.body(), 0));
            }
        }
        List<String[]> cat = catRows();
        for (int i = 0; i < CAT_NEGATIVES && i < cat.size(); i++) {
            // Every fourth CAT comment is held out.
            if ((i % 4 == 0) == heldOut) {
                Article a = articles.get(random.nextInt(articles.size()));
                pairs.add(new Pair("cat-comment", cat.get(cat.size() - 1 - i)[0].strip(), a.title(), a.body(), 0));
            }
        }
        return pairs;
    }

    /** A reply against its real parent versus a random other parent (CAT, Wikipedia talk pages). */
    public List<Pair> parentPairs() throws IOException {
        Random random = new Random(seed);
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

    private static Article other(List<Article> articles, Article not, Random random) {
        Article o;
        do {
            o = articles.get(random.nextInt(articles.size()));
        } while (o == not);
        return o;
    }

    private List<String[]> catRows() throws IOException {
        List<String[]> data = new ArrayList<>();
        for (List<String> r : Csv.read(dir.resolve("cat").resolve("CAT_SMALL_cat_small.csv"), ',')
                .rows()) {
            if (r.size() >= 2
                    && r.get(0).strip().split("\\s+").length >= 4
                    && !r.get(1).isBlank()) {
                data.add(r.toArray(String[]::new));
            }
        }
        return data;
    }

    /** Splits pairs into train (index 0) and held-out (index 1) by a seeded shuffle. */
    public static List<List<Pair>> split(List<Pair> pairs, double heldOut, long seed) {
        List<Pair> shuffled = new ArrayList<>(pairs);
        Collections.shuffle(shuffled, new Random(seed));
        int cut = (int) Math.round(shuffled.size() * (1 - heldOut));
        return List.of(shuffled.subList(0, cut), shuffled.subList(cut, shuffled.size()));
    }

    private static boolean label(String s) {
        return switch (s) {
            case "on_topic" -> true;
            case "off_topic" -> false;
            default -> throw new IllegalArgumentException("label must be on_topic or off_topic: " + s);
        };
    }

    private static List<Article> sortById(List<Article> articles) {
        return articles.stream()
                .sorted(java.util.Comparator.comparing(Article::id))
                .toList();
    }

    static List<String[]> tsv(Path p) throws IOException {
        try (Stream<String> lines = Files.lines(p, StandardCharsets.UTF_8)) {
            return lines.skip(1)
                    .filter(l -> !l.isBlank())
                    .map(l -> l.split("\t", -1))
                    .toList();
        }
    }
}

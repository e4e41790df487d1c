package org.commentguard.scoring.offtopic.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.ScoringContext.ArticleText;
import org.commentguard.scoring.SiteScoringData;
import org.commentguard.scoring.offtopic.OffTopicScorer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

/**
 * Labelled comments in their thread, as the drift model sees them: the annotated Fox News comments
 * ({@code data/fox-news/}, MIT, labels CC0) and the threads of the project's CC0 corpus ({@code data/articles/}).
 * Both are split by article with a fixed seed; the held-out articles are never fitted on.
 */
final class DriftData {

    /** One comment with everything the scorer is given, and its label (1 = drifting or off topic). */
    record Item(String set, String id, String article, String label, ScoringContext context, int y) {}

    /** Annotated Fox News articles held out: 3 of 10, drawn with {@link OffTopicCalibrationTrainer#SEED}. */
    static final int FOX_HELD_OUT_ARTICLES = 3;

    private DriftData() {}

    /**
     * The annotated Fox News pool: article title and lede, the parent (the JSON's {@code prev}: every such comment
     * mentions the parent's author), and as thread the article's other comments in the file, nearest first.
     *
     * @param labels annotator file ({@code id}, {@code label})
     * @return {train, held out}
     */
    static List<List<Item>> fox(Path dir, Path labels) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("fox-news-comments.json"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                rows.add(json.readTree(line));
            }
        }
        Map<String, List<Integer>> byTitle = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byTitle.computeIfAbsent(rows.get(i).get("title").asText(), k -> new ArrayList<>())
                    .add(i);
        }
        List<String> titles = new ArrayList<>(new TreeSet<>(byTitle.keySet()));
        Collections.shuffle(titles, new Random(OffTopicCalibrationTrainer.SEED));
        List<String> heldOut = titles.subList(0, FOX_HELD_OUT_ARTICLES);
        Map<String, String> label = new HashMap<>();
        for (String[] r : CalibrationData.tsv(labels)) {
            label.put(r[0], r[1]);
        }
        List<Item> train = new ArrayList<>();
        List<Item> test = new ArrayList<>();
        for (String[] r : CalibrationData.tsv(dir.resolve("pool.tsv"))) {
            String l = label.get(r[0]);
            if (l == null) {
                continue;
            }
            int line = Integer.parseInt(r[0].substring("fox-".length()));
            JsonNode row = rows.get(line);
            String title = row.get("title").asText();
            String text = clean(row.get("text").asText());
            List<Integer> others = new ArrayList<>(byTitle.get(title));
            others.sort(Comparator.comparingInt(j -> Math.abs(j - line)));
            List<String> thread = new ArrayList<>();
            for (int j : others) {
                String t = clean(rows.get(j).get("text").asText());
                if (j != line
                        && !t.isEmpty()
                        && !t.equals(text)
                        && !thread.contains(t)
                        && thread.size() < OffTopicScorer.MAX_THREAD) {
                    thread.add(t);
                }
            }
            String parent = clean(row.get("prev").asText());
            ScoringContext c = context(
                    text,
                    new ArticleText(title, clean(row.get("meta").asText())),
                    parent.isEmpty() ? null : parent,
                    thread);
            boolean held = heldOut.contains(title);
            (held ? test : train)
                    .add(new Item(
                            held ? "fox-held-out" : "fox-train", r[0], title, l, c, l.equals("on_topic") ? 0 : 1));
        }
        return List.of(train, test);
    }

    /** The corpus threads of some articles: each comment with its article, its parent and its siblings. */
    static List<Item> corpus(String set, List<CalibrationData.Article> articles) {
        List<Item> out = new ArrayList<>();
        for (CalibrationData.Article a : articles) {
            Map<String, CalibrationData.Comment> byId = a.commentsById();
            List<CalibrationData.Comment> cs = a.comments();
            for (int i = 0; i < cs.size(); i++) {
                CalibrationData.Comment c = cs.get(i);
                List<String> thread = new ArrayList<>();
                for (int d = 1; d < cs.size() && thread.size() < OffTopicScorer.MAX_THREAD; d++) {
                    for (int j : new int[] {i - d, i + d}) {
                        if (j >= 0 && j < cs.size() && thread.size() < OffTopicScorer.MAX_THREAD) {
                            thread.add(cs.get(j).text());
                        }
                    }
                }
                CalibrationData.Comment parent = c.parentId() == null ? null : byId.get(c.parentId());
                out.add(new Item(
                        set,
                        a.id() + "/" + c.id(),
                        a.id(),
                        c.onTopic() ? "on_topic" : "off_topic:" + c.kind(),
                        context(
                                c.text(),
                                new ArticleText(a.title(), a.body()),
                                parent == null ? null : parent.text(),
                                thread),
                        c.onTopic() ? 0 : 1));
            }
        }
        return out;
    }

    /**
     * The same comment judged against the rest of its thread alone, with no article and no parent: how a site
     * that registers no article text (or an evaluator with crowd labels and threads only) asks.
     */
    static Item threadOnly(Item i) {
        return new Item(
                i.set() + "-thread-only",
                i.id(),
                i.article(),
                i.label(),
                context(i.context().text(), null, null, i.context().thread()),
                i.y());
    }

    static List<Item> threadOnly(List<Item> items) {
        return items.stream().map(DriftData::threadOnly).toList();
    }

    static ScoringContext context(String text, ArticleText article, String parent, List<String> thread) {
        return new ScoringContext(
                text,
                Optional.ofNullable(article),
                Optional.ofNullable(parent),
                List.of("en"),
                SiteScoringData.NONE,
                thread);
    }

    static String clean(String s) {
        return s == null ? "" : String.join(" ", s.strip().split("\\s+")).strip();
    }
}

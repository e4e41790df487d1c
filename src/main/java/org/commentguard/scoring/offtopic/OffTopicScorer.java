package org.commentguard.scoring.offtopic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.commentguard.scoring.Scorer;
import org.commentguard.scoring.ScoringContext;
import org.commentguard.scoring.Signal;
import org.commentguard.scoring.model.ModelArtifact;
import org.commentguard.scoring.offtopic.RelevanceFeatures.EmbeddedDocument;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores how far a comment strays from its article, from the comment it replies to and from its thread. Two stages:
 * <ol>
 *   <li>Relevance, as in 1.1: a comment is on topic when it is about the article, or when it engages a parent that
 *   is itself about the article:
 *   {@code P(on) = 1 - (1 - P(article)) * (1 - P(engages parent) * P(parent about article))}.</li>
 *   <li>Drift ({@link DriftFeatures}, calibration 1.2.0): one logistic regression over the logit of {@code 1 - P(on)}
 *   and signals shared vocabulary misses: whether the comment names anything the article names, names the article
 *   and parent do not use, its similarity to the centroid of the thread's other comments relative to its siblings'
 *   own, off-topic-almost-everywhere themes ({@link DriftThemes}: gold/crypto, investment tips, channel plugs,
 *   money offers, site complaints) measured beyond the article's own closeness to them, and shortness. Its
 *   probability is {@code off_topic}.</li>
 * </ol>
 * Without an article only parent engagement counts, and the drift stage is skipped (it was fitted on comments with an
 * article); without either, the thread (at least
 * {@value DriftFeatures#MIN_THREAD} siblings) stands for the article; without any of them the score is {@code null}.
 *
 * <p>Cost: at most one embedding per comment once the thread's comments are cached. Article sentence embeddings
 * are cached by content hash, and so are comments (parents, siblings and every scored comment, which is the next
 * comment's sibling); siblings not seen before cost one embedding each, at most {@value #MAX_THREAD}. The
 * embedding is skipped when the lexical model alone is confident the comment is on topic
 * ({@code lexical.skip_above}) and the comment uses no off-topic theme word the article lacks: shared names and
 * content words are strong evidence for relevance, while their absence is weak evidence against it, so the
 * shortcut only ever decides "on topic".
 */
@Singleton
public class OffTopicScorer implements Scorer {

    public static final String ID = "off_topic";
    public static final String ATTRIBUTE = "off_topic";

    /** Articles are judged on their title and first sentences; later ones rarely change the topic. */
    static final int MAX_ARTICLE_SENTENCES = 80;

    static final int CLOSEST_SENTENCES = 3;
    /** At most this many of the thread's other comments are compared (each embedded once, then cached). */
    public static final int MAX_THREAD = 12;
    /** A comment this many siblings' standard deviations further from the thread centroid is called an outlier. */
    static final double OUTLIER_Z = 1.0;
    /** A theme this much closer to the comment than to the article's closest sentence is named in explanations. */
    static final double THEME_GAIN = 0.15;

    private final OffTopicModel model;
    private final Cache<String, EmbeddedDocument> articles;
    /** Parents, siblings and scored comments, embedded whole: a comment scored now is a sibling or parent later. */
    private final Cache<String, EmbeddedDocument> comments;

    @Inject
    public OffTopicScorer(OffTopicModel model) {
        this(model, 256, 4096);
    }

    /**
     * @param articleCacheSize articles whose sentence embeddings are kept (about 120 KB each)
     * @param parentCacheSize  comments (parents, siblings, scored comments) whose embeddings are kept (about 2 KB
     *                         each)
     */
    public OffTopicScorer(OffTopicModel model, int articleCacheSize, int parentCacheSize) {
        this.model = model;
        this.articles = Caffeine.newBuilder().maximumSize(articleCacheSize).build();
        this.comments = Caffeine.newBuilder().maximumSize(parentCacheSize).build();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> attributes() {
        return List.of(ATTRIBUTE);
    }

    @Override
    public String model() {
        return model.id();
    }

    /** The embedding model and the lexical features (OpenNLP English models) are English only. */
    @Override
    public java.util.Set<String> languages() {
        return java.util.Set.of("en");
    }

    @Override
    public Signal score(ScoringContext context) {
        Optional<ScoringContext.ArticleText> article =
                context.article().filter(a -> !(a.title().isBlank() && a.body().isBlank()));
        Optional<String> parent = context.parent().filter(p -> !p.isBlank());
        List<String> thread = siblings(context, parent.orElse(null));
        if (article.isEmpty() && parent.isEmpty() && thread.size() < DriftFeatures.MIN_THREAD) {
            return signal(null, List.of("off_topic.no_context"), Map.of());
        }
        OffTopicParameters params = model.params();
        String text = context.text();
        TextAnalyzer.Terms terms = model.analyzer().terms(text);
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        EmbeddedDocument articleDoc;
        if (article.isPresent()) {
            articleDoc = articleDocument(article.get());
        } else if (parent.isEmpty()) {
            // No article and no parent, but a thread: the thread itself stands for what the comment is about.
            articleDoc = threadDocument(thread);
            details.put("reference", "thread");
        } else {
            articleDoc = null;
        }

        if (articleDoc != null && !articleDoc.isEmpty()) {
            double lexical = params.lexical().probability(RelevanceFeatures.lexical(terms, articleDoc.terms()));
            // The shortcut only decides "on topic"; a comment that also reaches for an off-topic theme gets the
            // full model, since repeating the story's words is how drifting comments start.
            if (lexical >= params.lexicalSkipAbove()
                    && model.themes()
                            .lexicalHits(text, terms, List.of(articleDoc.terms()))
                            .isEmpty()) {
                details.put("articleRelevance", round(lexical));
                details.put("embedding", "skipped");
                details.put("closestSentences", closestByWords(terms, articleDoc));
                reasons.add("off_topic.lexical_match");
                return signal(1 - lexical, reasons, details);
            }
        }

        Assessment a = assess(text, terms, articleDoc, parent.orElse(null), thread, details);
        if (a == null) {
            // An article made only of fragments too short to compare, and no parent: nothing to judge against.
            return signal(null, List.of("off_topic.no_context"), details);
        }
        double offTopic = a.offTopic();
        if (terms.content().size() < params.minContentWords()) {
            // "Exactly!" or "Great piece" has no topic of its own; it cannot be shown to stray from one.
            offTopic = Math.min(offTopic, params.shortCommentCap());
            reasons.add("off_topic.too_short");
        }
        if (offTopic >= 0.5) {
            reasons.add("off_topic");
            if (a.engaged() != null && a.engaged() >= 0.5 && a.parentRelevance() < 0.5) {
                reasons.add("off_topic.parent_off_topic");
            }
            if (a.drift() != null) {
                DriftFeatures.Evidence e = a.drift().evidence();
                if (!e.themeHits().isEmpty() || e.closestThemeGain() >= THEME_GAIN) {
                    reasons.add("off_topic.drift_theme");
                }
                if (a.drift().threadZ() >= OUTLIER_Z / 4) {
                    reasons.add("off_topic.thread_outlier");
                }
                if (a.drift().articleEntityMiss() > 0) {
                    reasons.add("off_topic.no_shared_names");
                }
            }
        } else if (a.engaged() != null
                && a.pArticle() != null
                && a.pArticle() < 0.5
                && a.engaged() * a.parentRelevance() >= 0.5) {
            reasons.add("off_topic.parent_engaged");
        }
        return signal(offTopic, reasons, details);
    }

    /**
     * What the score is made of, before the short-comment cap.
     *
     * @param offTopic        the drift model's probability, or {@code 1 - P(on topic)} without one
     * @param pArticle        P(about the article), null without an article
     * @param engaged         P(engages the parent), null without a parent
     * @param parentRelevance P(parent about the article), 1 when unknown
     * @param baseOffTopic    {@code 1 - P(on topic)} of the article and parent model
     * @param drift           the drift features, null when the calibration has no drift model
     */
    public record Assessment(
            double offTopic,
            Double pArticle,
            Double engaged,
            double parentRelevance,
            double baseOffTopic,
            DriftFeatures drift) {}

    /**
     * The full model for one comment, always computing the embedding (no shortcut, no cap): what the drift trainer
     * fits on. Null when there is nothing to compare against.
     */
    public Assessment assess(ScoringContext context) {
        Optional<ScoringContext.ArticleText> article =
                context.article().filter(a -> !(a.title().isBlank() && a.body().isBlank()));
        String parent = context.parent().filter(p -> !p.isBlank()).orElse(null);
        List<String> thread = siblings(context, parent);
        EmbeddedDocument articleDoc = article.map(this::articleDocument)
                .orElse(parent == null && thread.size() >= DriftFeatures.MIN_THREAD ? threadDocument(thread) : null);
        if (articleDoc == null && parent == null) {
            return null;
        }
        return assess(
                context.text(),
                model.analyzer().terms(context.text()),
                articleDoc,
                parent,
                thread,
                new LinkedHashMap<>());
    }

    private Assessment assess(
            String text,
            TextAnalyzer.Terms terms,
            EmbeddedDocument articleDoc,
            String parent,
            List<String> thread,
            Map<String, Object> details) {
        OffTopicParameters params = model.params();
        float[] embedding = commentDocument(text, terms).centroid();
        details.put("embedding", "computed");
        Double pArticle = null;
        if (articleDoc != null && !articleDoc.isEmpty()) {
            pArticle = params.article()
                    .probability(
                            RelevanceFeatures.of(embedding, terms, articleDoc).vector());
            details.put("articleRelevance", round(pArticle));
            details.put("closestSentences", closestByMeaning(embedding, articleDoc));
        }
        Double engaged = null;
        double parentRelevance = 1.0;
        EmbeddedDocument parentDoc = null;
        if (parent != null) {
            parentDoc = commentDocument(parent, null);
            engaged = params.parent()
                    .probability(
                            RelevanceFeatures.of(embedding, terms, parentDoc).vector());
            details.put("parentEngagement", round(engaged));
            if (articleDoc != null && !articleDoc.isEmpty()) {
                // Engaging a parent only keeps a reply on topic if the parent is on topic itself; the parent's
                // embedding is cached, so this costs no extra model call for the next reply to it.
                parentRelevance = params.article()
                        .probability(RelevanceFeatures.of(parentDoc.centroid(), parentDoc.terms(), articleDoc)
                                .vector());
                details.put("parentRelevance", round(parentRelevance));
            }
        }

        double onTopic;
        if (pArticle != null && engaged != null) {
            onTopic = 1 - (1 - pArticle) * (1 - engaged * parentRelevance);
        } else if (pArticle != null) {
            onTopic = pArticle;
        } else if (engaged != null) {
            onTopic = engaged;
        } else {
            return null;
        }
        double base = 1 - onTopic;
        // The drift model was fitted on comments with an article; a reply judged against its parent alone keeps
        // the relevance score.
        if (params.drift() == null || pArticle == null) {
            return new Assessment(base, pArticle, engaged, parentRelevance, base, null);
        }
        List<float[]> siblings = new ArrayList<>(thread.size());
        for (String t : thread) {
            siblings.add(commentDocument(t, null).centroid());
        }
        DriftFeatures f = DriftFeatures.of(
                text,
                embedding,
                terms,
                base,
                articleDoc == null || articleDoc.isEmpty() ? null : articleDoc,
                parentDoc,
                siblings,
                model.themes());
        double offTopic = params.drift().probability(f.vector());
        details.put("relevanceOffTopic", round(base));
        details.put("notEngaged", notEngaged(f, engaged));
        details.put("drift", driftDetails(f, params.drift()));
        return new Assessment(offTopic, pArticle, engaged, parentRelevance, base, f);
    }

    /** Plain-language list of what the comment does not engage with, for the moderator. */
    private static List<String> notEngaged(DriftFeatures f, Double engaged) {
        DriftFeatures.Evidence e = f.evidence();
        List<String> out = new ArrayList<>();
        if (f.articleEntityMiss() > 0) {
            out.add(
                    e.foreign().isEmpty()
                            ? "mentions none of the article's names"
                            : "mentions none of the article's names; names only " + String.join(", ", e.foreign()));
        }
        if (engaged != null && engaged < 0.5) {
            out.add("does not engage with the comment it replies to");
        }
        if (f.hasThread() > 0 && f.threadZ() >= OUTLIER_Z / 4) {
            out.add("further from the rest of the thread than most of its " + e.threadSize() + " siblings");
        }
        if (!e.themeHits().isEmpty()) {
            e.themeHits()
                    .forEach((theme, words) -> out.add("drifts to '" + theme + "' (" + String.join(", ", words)
                            + "), a theme off topic almost everywhere"));
        } else if (e.closestTheme() != null && e.closestThemeGain() >= THEME_GAIN) {
            out.add("closest to the '" + e.closestTheme() + "' drift, a theme off topic almost everywhere");
        }
        if (f.shortText() > 0) {
            out.add("too short to engage with anything specific");
        }
        return out;
    }

    /** The drift model's inputs, their weighted contributions and the evidence behind them. */
    private static Map<String, Object> driftDetails(DriftFeatures f, OffTopicParameters.Logistic drift) {
        DriftFeatures.Evidence e = f.evidence();
        Map<String, Object> m = new LinkedHashMap<>();
        double[] x = f.vector();
        double[] w = drift.weights();
        Map<String, Double> contributions = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            if (x[i] != 0) {
                contributions.put(DriftFeatures.NAMES.get(i), round(w[i] * x[i]));
            }
        }
        m.put("contributions", contributions);
        m.put("articleNamesMentioned", e.articleEntities());
        m.put("namesNotInArticle", e.foreign());
        m.put("themeWords", e.themeHits());
        if (e.closestTheme() != null) {
            m.put("closestTheme", e.closestTheme());
            m.put("closestThemeGain", round(e.closestThemeGain()));
        }
        if (e.threadSimilarity() != null) {
            m.put("threadSize", e.threadSize());
            m.put("threadSimilarity", round(e.threadSimilarity()));
            m.put("siblingSimilarity", round(e.siblingMean()));
        }
        return m;
    }

    /** The thread's other comments, newest first: not the comment itself or its parent, at most {@link #MAX_THREAD}. */
    private static List<String> siblings(ScoringContext context, String parent) {
        List<String> out = new ArrayList<>();
        for (String t : context.thread()) {
            if (out.size() >= MAX_THREAD) {
                break;
            }
            if (t != null && !t.isBlank() && !t.equals(context.text()) && !t.equals(parent)) {
                out.add(t);
            }
        }
        return out;
    }

    private Signal signal(Double offTopic, List<String> reasons, Map<String, Object> details) {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put(ATTRIBUTE, offTopic == null ? null : round(offTopic));
        return new Signal(ID, model.id(), scores, List.of(), reasons, details, null);
    }

    private EmbeddedDocument articleDocument(ScoringContext.ArticleText a) {
        String key = hash(a.title() + '\u0000' + a.body());
        return articles.get(
                key,
                k -> EmbeddedDocument.of(
                        a.title(), a.body(), model.analyzer(), model.embedder(), MAX_ARTICLE_SENTENCES));
    }

    /** A comment embedded whole, cached by content; {@code terms} when the caller has them already. */
    private EmbeddedDocument commentDocument(String text, TextAnalyzer.Terms terms) {
        return comments.get(
                hash(text),
                k -> EmbeddedDocument.whole(
                        text,
                        model.embedder().embed(text),
                        terms != null ? terms : model.analyzer().terms(text)));
    }

    /**
     * The thread as a reference when there is neither article nor parent: each sibling is one "sentence", embedded
     * whole (cached), and the lemmas are the union of theirs.
     */
    private EmbeddedDocument threadDocument(List<String> thread) {
        List<float[]> embeddings = new ArrayList<>(thread.size());
        java.util.Set<String> content = new java.util.HashSet<>();
        java.util.Set<String> entities = new java.util.HashSet<>();
        for (String t : thread) {
            EmbeddedDocument d = commentDocument(t, null);
            embeddings.add(d.centroid());
            content.addAll(d.terms().content());
            entities.addAll(d.terms().entities());
        }
        return new EmbeddedDocument(
                List.copyOf(thread),
                List.copyOf(embeddings),
                RelevanceFeatures.centroid(embeddings, embeddings.get(0).length),
                new TextAnalyzer.Terms(java.util.Set.copyOf(content), java.util.Set.copyOf(entities)));
    }

    private static List<Map<String, Object>> closestByMeaning(float[] embedding, EmbeddedDocument doc) {
        double[] sims = RelevanceFeatures.similarities(embedding, doc);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sims.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> sims[i]).reversed());
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i : order.subList(0, Math.min(CLOSEST_SENTENCES, order.size()))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", doc.sentences().get(i));
            m.put("similarity", round(sims[i]));
            out.add(m);
        }
        return out;
    }

    /** Without an embedding, the closest sentences are those sharing the most of the comment's content words. */
    private List<Map<String, Object>> closestByWords(TextAnalyzer.Terms terms, EmbeddedDocument doc) {
        List<Map<String, Object>> ranked = new ArrayList<>();
        for (String sentence : doc.sentences()) {
            double overlap =
                    RelevanceFeatures.lexOverlap(terms, model.analyzer().terms(sentence));
            if (overlap > 0) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("text", sentence);
                m.put("wordOverlap", round(overlap));
                ranked.add(m);
            }
        }
        ranked.sort(Comparator.comparingDouble((Map<String, Object> m) -> (Double) m.get("wordOverlap"))
                .reversed());
        return List.copyOf(ranked.subList(0, Math.min(CLOSEST_SENTENCES, ranked.size())));
    }

    private static double round(double d) {
        return Math.round(d * 10_000) / 10_000.0;
    }

    private static String hash(String s) {
        return ModelArtifact.sha256(s.getBytes(StandardCharsets.UTF_8));
    }
}

package org.commentguard.scoring.offtopic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
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
 * Scores how far a comment strays from its article and from the comment it replies to. {@code off_topic} is
 * {@code 1 - P(on topic)}, where a comment is on topic when it is about the article, or when it engages a parent
 * that is itself about the article:
 * {@code P(on) = 1 - (1 - P(article)) * (1 - P(engages parent) * P(parent about article))}.
 * Without an article only parent engagement counts; without both the score is {@code null}.
 *
 * <p>Cost: at most one embedding per comment. Article sentence embeddings and parent embeddings are cached by
 * content hash. The embedding is skipped when the lexical model alone is confident the comment is on topic
 * ({@code lexical.skip_above}): shared names and content words are strong evidence for relevance, while their
 * absence is weak evidence against it, so the shortcut only ever decides "on topic".
 */
@Singleton
public class OffTopicScorer implements Scorer {

    public static final String ID = "off_topic";
    public static final String ATTRIBUTE = "off_topic";

    /** Articles are judged on their title and first sentences; later ones rarely change the topic. */
    static final int MAX_ARTICLE_SENTENCES = 80;
    static final int CLOSEST_SENTENCES = 3;

    private final OffTopicModel model;
    private final Cache<String, EmbeddedDocument> articles;
    private final Cache<String, EmbeddedDocument> parents;

    @Inject
    public OffTopicScorer(OffTopicModel model) {
        this(model, 256, 4096);
    }

    /**
     * @param articleCacheSize articles whose sentence embeddings are kept (about 120 KB each)
     * @param parentCacheSize  parent comments whose embeddings are kept (about 2 KB each)
     */
    public OffTopicScorer(OffTopicModel model, int articleCacheSize, int parentCacheSize) {
        this.model = model;
        this.articles = Caffeine.newBuilder().maximumSize(articleCacheSize).build();
        this.parents = Caffeine.newBuilder().maximumSize(parentCacheSize).build();
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
        Optional<ScoringContext.ArticleText> article = context.article()
                .filter(a -> !(a.title().isBlank() && a.body().isBlank()));
        Optional<String> parent = context.parent().filter(p -> !p.isBlank());
        if (article.isEmpty() && parent.isEmpty()) {
            return signal(null, List.of("off_topic.no_context"), Map.of());
        }
        OffTopicParameters params = model.params();
        String text = context.text();
        TextAnalyzer.Terms terms = model.analyzer().terms(text);
        EmbeddedDocument articleDoc = article.map(this::articleDocument).orElse(null);
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();

        if (articleDoc != null && !articleDoc.isEmpty()) {
            double lexical = params.lexical().probability(RelevanceFeatures.lexical(terms, articleDoc.terms()));
            if (lexical >= params.lexicalSkipAbove()) {
                details.put("articleRelevance", round(lexical));
                details.put("embedding", "skipped");
                details.put("closestSentences", closestByWords(terms, articleDoc));
                reasons.add("off_topic.lexical_match");
                return signal(1 - lexical, reasons, details);
            }
        }

        float[] embedding = model.embedder().embed(text);
        details.put("embedding", "computed");
        Double pArticle = null;
        if (articleDoc != null && !articleDoc.isEmpty()) {
            pArticle = params.article().probability(RelevanceFeatures.of(embedding, terms, articleDoc).vector());
            details.put("articleRelevance", round(pArticle));
            details.put("closestSentences", closestByMeaning(embedding, articleDoc));
        }
        Double engaged = null;
        double parentRelevance = 1.0;
        if (parent.isPresent()) {
            EmbeddedDocument parentDoc = parentDocument(parent.get());
            engaged = params.parent().probability(RelevanceFeatures.of(embedding, terms, parentDoc).vector());
            details.put("parentEngagement", round(engaged));
            if (articleDoc != null && !articleDoc.isEmpty()) {
                // Engaging a parent only keeps a reply on topic if the parent is on topic itself; the parent's
                // embedding is cached, so this costs no extra model call for the next reply to it.
                parentRelevance = params.article().probability(RelevanceFeatures.of(parentDoc.centroid(),
                        parentDoc.terms(), articleDoc).vector());
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
            // An article made only of fragments too short to compare, and no parent: nothing to judge against.
            return signal(null, List.of("off_topic.no_context"), details);
        }
        double offTopic = 1 - onTopic;
        if (terms.content().size() < params.minContentWords()) {
            // "Exactly!" or "Great piece" has no topic of its own; it cannot be shown to stray from one.
            offTopic = Math.min(offTopic, params.shortCommentCap());
            reasons.add("off_topic.too_short");
        }
        if (offTopic >= 0.5) {
            reasons.add("off_topic");
            if (engaged != null && engaged >= 0.5 && parentRelevance < 0.5) {
                reasons.add("off_topic.parent_off_topic");
            }
        } else if (engaged != null && pArticle != null && pArticle < 0.5 && engaged * parentRelevance >= 0.5) {
            reasons.add("off_topic.parent_engaged");
        }
        return signal(offTopic, reasons, details);
    }

    private Signal signal(Double offTopic, List<String> reasons, Map<String, Object> details) {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put(ATTRIBUTE, offTopic == null ? null : round(offTopic));
        return new Signal(ID, model.id(), scores, List.of(), reasons, details, null);
    }

    private EmbeddedDocument articleDocument(ScoringContext.ArticleText a) {
        String key = hash(a.title() + '\u0000' + a.body());
        return articles.get(key, k -> EmbeddedDocument.of(a.title(), a.body(), model.analyzer(), model.embedder(),
                MAX_ARTICLE_SENTENCES));
    }

    private EmbeddedDocument parentDocument(String parent) {
        return parents.get(hash(parent), k -> EmbeddedDocument.whole(parent, model.embedder().embed(parent),
                model.analyzer().terms(parent)));
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
            double overlap = RelevanceFeatures.lexOverlap(terms, model.analyzer().terms(sentence));
            if (overlap > 0) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("text", sentence);
                m.put("wordOverlap", round(overlap));
                ranked.add(m);
            }
        }
        ranked.sort(Comparator.comparingDouble((Map<String, Object> m) -> (Double) m.get("wordOverlap")).reversed());
        return List.copyOf(ranked.subList(0, Math.min(CLOSEST_SENTENCES, ranked.size())));
    }

    private static double round(double d) {
        return Math.round(d * 10_000) / 10_000.0;
    }

    private static String hash(String s) {
        return ModelArtifact.sha256(s.getBytes(StandardCharsets.UTF_8));
    }
}

package org.commentguard.scoring.offtopic;

import org.commentguard.scoring.offtopic.RelevanceFeatures.EmbeddedDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The signals the drift model combines with the article and parent relevance of {@link OffTopicScorer}: does the
 * comment name anything the article names, where does it sit in its thread compared with its siblings, and does it
 * move to a theme that is off topic almost everywhere. Every value is in [-1, 1]; a signal that cannot be measured
 * (no thread, no article) is 0, and {@code has_thread} tells the model whether the thread signals are real.
 *
 * @param baseLogit         logit of {@code 1 - P(on topic)} of the article and parent model, divided by 6 and clipped
 * @param articleEntityMiss 1 when the article names entities and the comment names or uses none of them
 * @param foreignEntities   names in the comment that neither the article nor the parent use, capped at 3, scaled
 * @param threadSim         cosine similarity to the centroid of the sibling comments
 * @param threadZ           how far that similarity lies below the siblings' own (leave-one-out), in their standard
 *                          deviations, divided by 4 and clipped: positive when the comment is further out
 * @param themeLex          off-topic theme words the article and parent lack, capped at 2, scaled
 * @param themeSem          how much closer the comment is than the article's closest sentence to any theme
 * @param shortText         1 when the comment has fewer than {@value #SHORT_CONTENT_WORDS} content words
 * @param hasThread         1 when at least {@value #MIN_THREAD} siblings were compared
 * @param evidence          what the explanation shows: entities shared and foreign, theme hits, closest theme
 */
public record DriftFeatures(
        double baseLogit,
        double articleEntityMiss,
        double foreignEntities,
        double threadSim,
        double threadZ,
        double themeLex,
        double themeSem,
        double shortText,
        double hasThread,
        Evidence evidence) {

    /** Feature names in the order of {@link #vector()}; they key the drift weights in the calibration file. */
    public static final List<String> NAMES = List.of(
            "base_logit",
            "article_entity_miss",
            "foreign_entities",
            "thread_sim",
            "thread_z",
            "theme_lex",
            "theme_sem",
            "short",
            "has_thread");

    /** Fewer siblings than this give no usable spread; the thread signals are then left out. */
    public static final int MIN_THREAD = 3;

    static final int SHORT_CONTENT_WORDS = 4;

    /**
     * @param articleEntities  entities of the article the comment names (sorted, at most 5)
     * @param foreign          names of the comment the article and parent do not use (sorted, at most 5)
     * @param articleHasNames  whether the article names anything at all
     * @param themeHits        theme name → its words in the comment
     * @param closestTheme     the theme the comment is closest to, beyond the article, or null
     * @param closestThemeGain how much closer than the article's closest sentence
     * @param threadSize       siblings compared
     * @param threadSimilarity similarity to the thread centroid, null without a thread
     * @param siblingMean      the siblings' mean leave-one-out similarity, null without a thread
     */
    public record Evidence(
            List<String> articleEntities,
            List<String> foreign,
            boolean articleHasNames,
            Map<String, List<String>> themeHits,
            String closestTheme,
            double closestThemeGain,
            int threadSize,
            Double threadSimilarity,
            Double siblingMean) {}

    public double[] vector() {
        return new double[] {
            baseLogit, articleEntityMiss, foreignEntities, threadSim, threadZ, themeLex, themeSem, shortText, hasThread
        };
    }

    /**
     * @param text          the comment
     * @param embedding     its embedding
     * @param terms         its lemmas
     * @param baseOffTopic  {@code 1 - P(on topic)} of the article and parent model
     * @param article       the article, or null
     * @param parent        the parent, or null
     * @param siblings      embeddings of the other comments of the thread
     * @param themes        the off-topic themes
     */
    public static DriftFeatures of(
            String text,
            float[] embedding,
            TextAnalyzer.Terms terms,
            double baseOffTopic,
            EmbeddedDocument article,
            EmbeddedDocument parent,
            List<float[]> siblings,
            DriftThemes themes) {
        double p = Math.min(Math.max(baseOffTopic, 1e-6), 1 - 1e-6);
        double baseLogit = clip(Math.log(p / (1 - p)) / 6);

        Set<String> shared = new TreeSet<>();
        Set<String> foreign = new TreeSet<>();
        boolean articleHasNames = article != null && !article.terms().entities().isEmpty();
        if (article != null) {
            for (String lemma : terms.content()) {
                if (article.terms().entities().contains(lemma)) {
                    shared.add(lemma);
                }
            }
        }
        for (String e : terms.entities()) {
            boolean known = (article != null
                            && (article.terms().content().contains(e)
                                    || article.terms().entities().contains(e)))
                    || (parent != null
                            && (parent.terms().content().contains(e)
                                    || parent.terms().entities().contains(e)));
            if (!known) {
                foreign.add(e);
            }
        }
        double entityMiss = articleHasNames && !terms.content().isEmpty() && shared.isEmpty() ? 1 : 0;
        double foreignScaled = Math.min(foreign.size(), 3) / 3.0;

        double threadSim = 0;
        double threadZ = 0;
        double hasThread = 0;
        Double simOut = null;
        Double meanOut = null;
        if (siblings.size() >= MIN_THREAD) {
            int dim = embedding.length;
            double[] sum = new double[dim];
            for (float[] s : siblings) {
                for (int i = 0; i < dim; i++) {
                    sum[i] += s[i];
                }
            }
            double sim = cosine(embedding, sum, null);
            double mean = 0;
            double sq = 0;
            for (float[] s : siblings) {
                double si = cosine(s, sum, s);
                mean += si;
                sq += si * si;
            }
            int n = siblings.size();
            mean /= n;
            double sd = Math.sqrt(Math.max(0, sq / n - mean * mean));
            threadSim = sim;
            threadZ = clip((mean - sim) / Math.max(sd, 0.05) / 4);
            hasThread = 1;
            simOut = sim;
            meanOut = mean;
        }

        List<TextAnalyzer.Terms> references = new ArrayList<>(2);
        if (article != null) {
            references.add(article.terms());
        }
        if (parent != null) {
            references.add(parent.terms());
        }
        Map<String, List<String>> hits = themes.lexicalHits(text, terms, references);
        int hitCount = hits.values().stream().mapToInt(List::size).sum();
        double[] own = themes.similarities(embedding);
        double[] ref =
                article != null ? themes.similarities(article) : parent != null ? themes.similarities(parent) : null;
        double bestGain = 0;
        String closest = null;
        for (int t = 0; t < own.length; t++) {
            double gain = own[t] - (ref == null ? 0 : Math.max(ref[t], 0));
            if (gain > bestGain) {
                bestGain = gain;
                closest = themes.themes().get(t).name();
            }
        }
        double shortText = terms.content().size() < SHORT_CONTENT_WORDS ? 1 : 0;
        return new DriftFeatures(
                baseLogit,
                entityMiss,
                foreignScaled,
                threadSim,
                threadZ,
                Math.min(hitCount, 2) / 2.0,
                clip(bestGain),
                shortText,
                hasThread,
                new Evidence(
                        first(shared, 5),
                        first(foreign, 5),
                        articleHasNames,
                        hits,
                        closest,
                        bestGain,
                        siblings.size() >= MIN_THREAD ? siblings.size() : 0,
                        simOut,
                        meanOut));
    }

    /** Cosine of {@code a} and {@code sum - minus} (minus may be null); a and the summed vectors are unit length. */
    private static double cosine(float[] a, double[] sum, float[] minus) {
        double dot = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            double v = sum[i] - (minus == null ? 0 : minus[i]);
            dot += a[i] * v;
            norm += v * v;
        }
        return norm == 0 ? 0 : dot / Math.sqrt(norm);
    }

    private static double clip(double d) {
        return Math.max(-1, Math.min(1, d));
    }

    private static List<String> first(Set<String> s, int n) {
        return s.stream().limit(n).toList();
    }
}

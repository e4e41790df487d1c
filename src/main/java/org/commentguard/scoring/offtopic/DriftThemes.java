package org.commentguard.scoring.offtopic;

import org.commentguard.scoring.spam.SpamVocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Themes that are off topic under almost every article: investment and bullion or crypto tips, channel and video
 * plugs, money-making offers, complaints about the site. A comment drifting to one of them is evidence of being off
 * topic <em>unless the article is itself about it</em> (gold under a story about gold prices is on topic), so every
 * signal here is measured against the reference: a theme word counts only when the article and parent lack it, and
 * a theme's similarity counts only by how much the comment exceeds the article's closest sentence.
 *
 * <p>The words are the spam scorer's vocabulary ({@link SpamVocabulary}), so both scorers agree on what a bullion
 * word or a channel plug is, plus a few theme words that are not spam on their own ("silver", "fiat", "moderator").
 * The prototype sentences are written from general knowledge of comment sections, not taken from any thread; their
 * embeddings are computed once at load (a dozen short sentences). Part of the model: a change here changes scores.
 */
public final class DriftThemes {

    /**
     * One theme: its name in explanations, the lemmas and phrases that name it, and prototype sentences.
     *
     * @param name       shown to moderators ("gold/crypto")
     * @param words      single content lemmas (lower case) that name the theme
     * @param phrases    multi-word phrases matched on the lower-cased text
     * @param prototypes sentences typical of comments on the theme
     */
    public record Theme(String name, Set<String> words, List<String> phrases, List<String> prototypes) {}

    static final List<Theme> THEMES = List.of(
            new Theme(
                    "gold/crypto",
                    words(
                            SpamVocabulary.assetWords(),
                            List.of(
                                    "silver",
                                    "bullion",
                                    "fiat",
                                    "hyperinflation",
                                    "metals",
                                    "coin",
                                    "coins",
                                    "blockchain",
                                    "stablecoin")),
                    List.of("precious metals", "physical gold", "physical silver", "fiat currency", "fiat money"),
                    List.of(
                            "Buy physical gold and silver before the dollar collapses.",
                            "Bitcoin and crypto are the only real money left, get out of fiat currency.",
                            "Protect your savings with precious metals, paper money will be worthless.",
                            "You need gold to survive the coming hyperinflation.")),
            new Theme(
                    "investment tips",
                    words(List.of(), List.of("portfolio", "stocks", "dividend", "dividends")),
                    List.of("buy the dip", "real estate", "your money in", "long term hold", "stock market"),
                    List.of(
                            "You should put your money into stocks, property and precious metals.",
                            "My advice is to diversify your portfolio and buy the dip.",
                            "Smart people are buying real estate and dividend stocks right now.")),
            new Theme(
                    "channel plug",
                    words(
                            List.of(),
                            List.of(
                                    "youtube",
                                    "podcast",
                                    "subscribe",
                                    "subscriber",
                                    "subscribers",
                                    "channel",
                                    "vlog",
                                    "livestream")),
                    phrases(SpamVocabulary.promoPhrases()),
                    List.of(
                            "Check out the videos on my YouTube channel and subscribe.",
                            "There is a great podcast and a video series that explains all of this, look it up.",
                            "Follow my blog for the real story the media won't tell you.")),
            new Theme(
                    "money-making offer",
                    words(List.of(), List.of()),
                    phrases(SpamVocabulary.moneyPhrases()),
                    List.of(
                            "I make five hundred dollars a day working from home, check my profile.",
                            "Earn extra income online in your spare time, no experience needed.")),
            new Theme(
                    "site complaint",
                    words(
                            List.of(),
                            List.of(
                                    "moderator",
                                    "moderators",
                                    "censor",
                                    "censorship",
                                    "downvote",
                                    "downvotes",
                                    "upvote")),
                    List.of("my comment", "my post", "comment section", "this site", "this website"),
                    List.of(
                            "The moderators deleted my comment again, this site censors everything.",
                            "Why does this website keep removing posts, the comment section is broken.")));

    private final List<Theme> themes;
    /** Per theme, the embeddings of its prototypes. */
    private final List<float[][]> prototypes;

    private DriftThemes(List<Theme> themes, List<float[][]> prototypes) {
        this.themes = themes;
        this.prototypes = prototypes;
    }

    /** Embeds the shipped themes' prototypes. */
    public static DriftThemes embed(SentenceEmbedder embedder) {
        List<float[][]> out = new ArrayList<>();
        for (Theme t : THEMES) {
            out.add(t.prototypes().stream().map(embedder::embed).toArray(float[][]::new));
        }
        return new DriftThemes(THEMES, List.copyOf(out));
    }

    public List<Theme> themes() {
        return themes;
    }

    /**
     * Theme words and phrases of the comment that its references (article, parent) do not use, by theme name;
     * themes without a hit are absent.
     */
    public Map<String, List<String>> lexicalHits(
            String text, TextAnalyzer.Terms comment, List<TextAnalyzer.Terms> references) {
        String padded = " " + normalise(text) + " ";
        Map<String, List<String>> hits = new LinkedHashMap<>();
        for (Theme t : themes) {
            Set<String> found = new LinkedHashSet<>();
            for (String w : t.words()) {
                if ((comment.content().contains(w) || padded.contains(" " + w + " ")) && !inAny(w, references)) {
                    found.add(w);
                }
            }
            for (String p : t.phrases()) {
                if (padded.contains(" " + p + " ") && !allWordsInAny(p, references)) {
                    found.add(p);
                }
            }
            if (!found.isEmpty()) {
                hits.put(t.name(), List.copyOf(found));
            }
        }
        return hits;
    }

    /** Highest similarity of an embedding to each theme's prototypes, in theme order. */
    public double[] similarities(float[] embedding) {
        double[] out = new double[themes.size()];
        for (int t = 0; t < out.length; t++) {
            double best = -1;
            for (float[] p : prototypes.get(t)) {
                best = Math.max(best, RelevanceFeatures.dot(embedding, p));
            }
            out[t] = best;
        }
        return out;
    }

    /** Highest similarity of any sentence of a document to each theme, in theme order; -1 for an empty document. */
    public double[] similarities(RelevanceFeatures.EmbeddedDocument doc) {
        double[] out = new double[themes.size()];
        java.util.Arrays.fill(out, -1);
        for (float[] e : doc.embeddings()) {
            double[] s = similarities(e);
            for (int t = 0; t < out.length; t++) {
                out[t] = Math.max(out[t], s[t]);
            }
        }
        return out;
    }

    private static boolean inAny(String lemma, List<TextAnalyzer.Terms> references) {
        for (TextAnalyzer.Terms r : references) {
            if (r.content().contains(lemma)) {
                return true;
            }
        }
        return false;
    }

    /** A phrase counts as the reference's own when each of its content words occurs in one reference. */
    private static boolean allWordsInAny(String phrase, List<TextAnalyzer.Terms> references) {
        for (TextAnalyzer.Terms r : references) {
            boolean all = true;
            boolean any = false;
            for (String w : phrase.split(" ")) {
                if (w.length() < 3
                        || Set.of("the", "my", "our", "out", "your", "this", "from", "for")
                                .contains(w)) {
                    continue;
                }
                any = true;
                all &= r.content().contains(w);
            }
            if (any && all) {
                return true;
            }
        }
        return false;
    }

    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}$]+", " ")
                .strip();
    }

    private static Set<String> words(List<String> a, List<String> b) {
        Set<String> out = new java.util.TreeSet<>();
        Stream.concat(a.stream(), b.stream()).forEach(w -> out.add(w.toLowerCase(Locale.ROOT)));
        return java.util.Collections.unmodifiableSet(out);
    }

    private static List<String> phrases(List<String> p) {
        return p.stream()
                .map(DriftThemes::normalise)
                .filter(s -> s.contains(" "))
                .distinct()
                .toList();
    }
}

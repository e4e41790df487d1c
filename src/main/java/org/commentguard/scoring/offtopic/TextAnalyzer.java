package org.commentguard.scoring.offtopic;

import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * English sentence splitting and content-word extraction with the OpenNLP UD-EWT models (sentence detector,
 * tokenizer, POS tagger, lemmatizer). Thread-safe: the models are shared, the stateful {@code *ME} wrappers are
 * per thread.
 */
public final class TextAnalyzer {

    static final String SENTENCE_MODEL = "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    static final String TOKEN_MODEL = "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    static final String POS_MODEL = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    static final String LEMMA_MODEL = "opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";

    /** Texts are analysed up to this many tokens; the rest of a very long comment adds little lexical evidence. */
    static final int MAX_TOKENS = 400;

    /** Upper bound of the (word, tag) → lemma memo; see {@link #lemma}. */
    private static final int LEMMA_CACHE_LIMIT = 200_000;

    private static final Set<String> CONTENT_TAGS = Set.of("NOUN", "PROPN", "VERB", "ADJ", "NUM", "X");

    /** Verbs and nouns so common in comments that sharing them says nothing about the topic. */
    private static final Set<String> STOP_LEMMAS = Set.of(
            "be", "have", "do", "say", "get", "make", "go", "know", "think", "see", "come", "take", "want", "look",
            "use", "find", "give", "tell", "seem", "let", "put", "mean", "keep", "try", "need", "like", "thing", "way",
            "people", "time", "year", "lot", "one", "other", "good", "bad", "new", "many", "much", "more", "same",
            "right", "well", "just", "really", "also", "even", "still", "yes", "no", "ok", "okay", "lol", "guy", "man",
            "day", "point", "fact", "kind", "sure", "great", "big", "little", "own", "last", "first", "next", "whole",
            "real", "true", "fuck", "shit", "damn", "stfu", "post", "comment", "article");

    private final SentenceModel sentenceModel;
    private final TokenizerModel tokenizerModel;
    private final POSModel posModel;
    private final LemmatizerModel lemmatizerModel;
    private final ThreadLocal<Tools> tools;
    private final Map<String, String> lemmaCache = new ConcurrentHashMap<>();

    private TextAnalyzer(SentenceModel s, TokenizerModel t, POSModel p, LemmatizerModel l) {
        this.sentenceModel = s;
        this.tokenizerModel = t;
        this.posModel = p;
        this.lemmatizerModel = l;
        this.tools = ThreadLocal.withInitial(() -> new Tools(
                new SentenceDetectorME(sentenceModel),
                new TokenizerME(tokenizerModel),
                new POSTaggerME(posModel),
                new LemmatizerME(lemmatizerModel)));
    }

    /** Loads the four OpenNLP English models from the {@code opennlp-models-*-en} jars on the class path. */
    public static TextAnalyzer load() {
        try {
            return new TextAnalyzer(
                    new SentenceModel(new ByteArrayInputStream(MiniLmEmbedder.readResource(SENTENCE_MODEL))),
                    new TokenizerModel(new ByteArrayInputStream(MiniLmEmbedder.readResource(TOKEN_MODEL))),
                    new POSModel(new ByteArrayInputStream(MiniLmEmbedder.readResource(POS_MODEL))),
                    new LemmatizerModel(new ByteArrayInputStream(MiniLmEmbedder.readResource(LEMMA_MODEL))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load OpenNLP English models", e);
        }
    }

    /** Splits a text into sentences, one per non-blank line first (articles and comments break lines at paragraphs). */
    public List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        SentenceDetectorME detector = tools.get().sentences;
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            for (Span s : detector.sentPosDetect(l)) {
                String sentence = l.substring(s.getStart(), s.getEnd()).strip();
                if (!sentence.isEmpty()) {
                    out.add(sentence);
                }
            }
        }
        return out;
    }

    /** Content lemmas of a comment, looking at its first {@value #MAX_TOKENS} tokens. */
    public Terms terms(String text) {
        return terms(text, MAX_TOKENS);
    }

    /** Content lemmas (nouns, proper nouns, verbs, adjectives, numbers) and proper-noun lemmas of a text. */
    public Terms terms(String text, int maxTokens) {
        Tools t = tools.get();
        String[] tokens = t.tokenizer.tokenize(text);
        if (tokens.length > maxTokens) {
            tokens = java.util.Arrays.copyOf(tokens, maxTokens);
        }
        String[] tags = t.pos.tag(tokens);
        Set<String> content = new LinkedHashSet<>();
        Set<String> entities = new LinkedHashSet<>();
        for (int i = 0; i < tokens.length; i++) {
            String tag = tags[i];
            String word = tokens[i];
            if (!CONTENT_TAGS.contains(tag) || word.length() < 2 || !hasLetterOrDigit(word)) {
                continue;
            }
            String lemma = lemma(t, word, tag);
            if (STOP_LEMMAS.contains(lemma)) {
                continue;
            }
            content.add(lemma);
            // Capitalised mid-sentence words count as entities too: the POS model tags "Beijing" PROPN but
            // sometimes calls "Chinese" or "Xi" ADJ/NOUN, and those are exactly the names that tie a comment to a
            // story.
            if (tag.equals("PROPN") || (i > 0 && Character.isUpperCase(word.charAt(0)) && !tag.equals("VERB"))) {
                entities.add(lemma);
            }
        }
        return new Terms(Set.copyOf(content), Set.copyOf(entities));
    }

    /**
     * The lemma of one content word. OpenNLP's lemmatizer is a beam-search classifier costing ~0.1 ms a token,
     * too slow for every comment word, and for content words the lemma depends almost only on word and tag, so
     * each (word, tag) pair is lemmatised once and memoised (bounded: the memo is dropped when it grows too big).
     */
    private String lemma(Tools t, String word, String tag) {
        String lower = word.toLowerCase(Locale.ROOT);
        String key = lower + '\t' + tag;
        String cached = lemmaCache.get(key);
        if (cached != null) {
            return cached;
        }
        String lemma = t.lemmatizer.lemmatize(new String[] {word}, new String[] {tag})[0];
        if (lemma == null || lemma.isBlank() || lemma.equals("O")) {
            lemma = lower;
        }
        lemma = lemma.toLowerCase(Locale.ROOT);
        if (lemmaCache.size() > LEMMA_CACHE_LIMIT) {
            lemmaCache.clear();
        }
        lemmaCache.put(key, lemma);
        return lemma;
    }

    private static boolean hasLetterOrDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The lexical view of a text used for overlap: content lemmas and the subset that names entities. */
    public record Terms(Set<String> content, Set<String> entities) {
        public static final Terms EMPTY = new Terms(Set.of(), Set.of());
    }

    private record Tools(
            SentenceDetectorME sentences, TokenizerME tokenizer, POSTaggerME pos, LemmatizerME lemmatizer) {}
}

package org.commentguard.scoring.toxicity;

import java.util.Arrays;

/**
 * Turns a comment into the sparse feature counts the toxicity model reads: hashed word unigrams and bigrams,
 * hashed character 3–5-grams inside word boundaries (robust to misspellings and disguised words), and a few dense
 * features (lexicon hits, second person next to an insult or threat, shouting, punctuation). Hashing bounds the
 * memory of the model whatever the vocabulary of the training data.
 *
 * <p>Stateless and thread-safe; the same code computes training and scoring features, which is what keeps the
 * two consistent. {@link #VERSION} is stored in the model file and checked at load.
 */
public final class ToxicityFeatures {

    /** Bumped whenever the features computed for a text change. */
    public static final int VERSION = 1;

    public static final int LEX_INSULT = 0;
    public static final int LEX_OBSCENE = 1;
    public static final int LEX_THREAT = 2;
    public static final int LEX_SLUR = 3;
    public static final int LEX_EXCLUSION = 4;
    public static final int YOU_INSULT = 5;
    public static final int YOU_THREAT = 6;
    public static final int GROUP_PEOPLE = 7;
    public static final int CAPS_HIGH = 8;
    public static final int CAPS_RATIO = 9;
    public static final int EXCLAIM = 10;
    public static final int EXCLAIM_RUN = 11;
    public static final int QUESTION = 12;
    public static final int SHORT = 13;
    public static final int LONG = 14;
    public static final int SECOND_PERSON = 15;
    public static final int ELONGATED = 16;
    public static final int MASKED_WORD = 17;
    /** Always 1: the intercept. */
    public static final int BIAS = 18;

    public static final int DENSE = 19;

    static final String[] DENSE_NAMES = {
        "lex_insult",
        "lex_obscene",
        "lex_threat",
        "lex_slur",
        "lex_exclusion",
        "you_insult",
        "you_threat",
        "group_people",
        "caps_high",
        "caps_ratio",
        "exclaim",
        "exclaim_run",
        "question",
        "short",
        "long",
        "second_person",
        "elongated",
        "masked_word",
        "bias"
    };

    private static final int MAX_TOKEN = 24;
    private static final int SEED_UNIGRAM = 0x2f0b3c51;
    private static final int SEED_BIGRAM = 0x6a09e667;
    private static final int SEED_CHAR = 0x3c6ef372;

    private final int bits;
    private final int mask;

    /** @param bits log2 of the number of hash buckets shared by the word and character features */
    public ToxicityFeatures(int bits) {
        if (bits < 8 || bits > 26) {
            throw new IllegalArgumentException("hash bits must be in [8,26]: " + bits);
        }
        this.bits = bits;
        this.mask = (1 << bits) - 1;
    }

    public int bits() {
        return bits;
    }

    public int buckets() {
        return 1 << bits;
    }

    /**
     * Raw feature counts of one text.
     *
     * @param words term counts of hashed word unigrams and bigrams
     * @param chars term counts of hashed character n-grams
     * @param dense the {@link #DENSE} dense feature values
     */
    public record Counts(IntFloatMap words, IntFloatMap chars, float[] dense) {}

    /** Extracts the features of {@code original}, whose normalised form is {@code normalized}. */
    public Counts extract(String original, String normalized) {
        int n = normalized.length();
        IntFloatMap words = new IntFloatMap(Math.max(16, n / 2));
        IntFloatMap chars = new IntFloatMap(Math.max(16, n * 3));
        float[] dense = new float[DENSE];
        char[] padded = new char[MAX_TOKEN + 2];

        int prevHash = 0;
        boolean hasPrev = false;
        int tokens = 0;
        int insults = 0;
        int obscene = 0;
        int threats = 0;
        int slurs = 0;
        int exclusion = 0;
        int secondPerson = 0;
        int lastSecondPerson = -100;
        int lastGroupDeterminer = -100;
        StringBuilder token = new StringBuilder(MAX_TOKEN);
        int i = 0;
        while (i < n) {
            char c = normalized.charAt(i);
            if (!isTokenChar(c)) {
                i++;
                continue;
            }
            token.setLength(0);
            while (i < n) {
                c = normalized.charAt(i);
                if (isTokenChar(c)) {
                    if (token.length() < MAX_TOKEN) {
                        token.append(c);
                    }
                } else if (!(c == '\'' || c == '\u2019')
                        || i + 1 >= n
                        || !Character.isLetter(normalized.charAt(i + 1))) {
                    break; // apostrophes inside words are dropped: "don't" and "dont" are one token
                }
                i++;
            }
            String t = token.toString();
            int h = fnv(t, 0, t.length(), 0x811c9dc5);
            words.add(fmix(h ^ SEED_UNIGRAM) & mask, 1f);
            if (hasPrev) {
                words.add(fmix(prevHash * 0x01000193 + h ^ SEED_BIGRAM) & mask, 1f);
            }
            prevHash = h;
            hasPrev = true;

            padded[0] = ' ';
            t.getChars(0, t.length(), padded, 1);
            int len = t.length() + 2;
            padded[len - 1] = ' ';
            for (int gram = 3; gram <= 5; gram++) {
                for (int s = 0; s + gram <= len; s++) {
                    chars.add(fmix(fnv(padded, s, s + gram, SEED_CHAR + gram)) & mask, 1f);
                }
            }

            if (ToxicityLexicon.SECOND_PERSON.contains(t)) {
                secondPerson++;
                lastSecondPerson = tokens;
            }
            boolean insult = ToxicityLexicon.INSULT.contains(t);
            boolean obs = ToxicityLexicon.OBSCENE.contains(t);
            boolean threat = ToxicityLexicon.THREAT.contains(t);
            insults += insult ? 1 : 0;
            obscene += obs ? 1 : 0;
            threats += threat ? 1 : 0;
            slurs += ToxicityLexicon.SLUR.contains(t) ? 1 : 0;
            exclusion += ToxicityLexicon.EXCLUSION.contains(t) ? 1 : 0;
            if ((insult || obs) && tokens - lastSecondPerson <= 3) {
                dense[YOU_INSULT] = 1f;
            }
            if (threat && tokens - lastSecondPerson <= 4) {
                dense[YOU_THREAT] = 1f;
            }
            if (t.equals("people") && tokens - lastGroupDeterminer == 1) {
                dense[GROUP_PEOPLE] = 1f;
            }
            if (ToxicityLexicon.GROUP_DETERMINERS.contains(t)) {
                lastGroupDeterminer = tokens;
            }
            if (t.indexOf('*') > 0) {
                dense[MASKED_WORD] = 1f;
            }
            tokens++;
        }
        dense[LEX_INSULT] = log1p(insults);
        dense[LEX_OBSCENE] = log1p(obscene);
        dense[LEX_THREAT] = log1p(threats);
        dense[LEX_SLUR] = log1p(slurs);
        dense[LEX_EXCLUSION] = log1p(exclusion);
        dense[SECOND_PERSON] = tokens == 0 ? 0f : Math.min(1f, 4f * secondPerson / tokens);
        surface(original, dense);
        dense[BIAS] = 1f;
        return new Counts(words, chars, dense);
    }

    /** Shouting and punctuation are read from the original text, before lower-casing and squeezing. */
    private static void surface(String original, float[] dense) {
        int letters = 0;
        int upper = 0;
        int exclaim = 0;
        int question = 0;
        int run = 0;
        char prev = 0;
        boolean elongated = false;
        boolean exclaimRun = false;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
            if (c == '!') {
                exclaim++;
            } else if (c == '?') {
                question++;
            }
            if ((c == '!' || c == '?') && (prev == '!' || prev == '?')) {
                exclaimRun = true;
            }
            run = Character.toLowerCase(c) == Character.toLowerCase(prev) ? run + 1 : 1;
            if (run >= 3 && Character.isLetter(c)) {
                elongated = true;
            }
            prev = c;
        }
        if (letters >= 8) {
            float ratio = upper / (float) letters;
            dense[CAPS_RATIO] = ratio;
            dense[CAPS_HIGH] = ratio > 0.6f ? 1f : 0f;
        }
        dense[EXCLAIM] = log1p(exclaim);
        dense[EXCLAIM_RUN] = exclaimRun ? 1f : 0f;
        dense[QUESTION] = log1p(question);
        dense[SHORT] = original.length() < 40 ? 1f : 0f;
        dense[LONG] = original.length() > 600 ? 1f : 0f;
        dense[ELONGATED] = elongated ? 1f : 0f;
    }

    private static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || c == '*';
    }

    private static float log1p(int count) {
        return (float) Math.log1p(count);
    }

    private static int fnv(CharSequence s, int from, int to, int seed) {
        int h = seed;
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * 0x01000193;
        }
        return h;
    }

    private static int fnv(char[] s, int from, int to, int seed) {
        int h = seed;
        for (int i = from; i < to; i++) {
            h = (h ^ s[i]) * 0x01000193;
        }
        return h;
    }

    /** MurmurHash3's finaliser: spreads FNV's weak low bits over the bucket mask. */
    private static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** A minimal open-addressing int → float map for feature counts; keys are non-negative bucket ids. */
    public static final class IntFloatMap {
        private int[] keys;
        private float[] values;
        private int size;

        IntFloatMap(int expected) {
            int cap = Integer.highestOneBit(Math.max(4, expected * 2) - 1) << 1;
            keys = new int[cap];
            values = new float[cap];
            Arrays.fill(keys, -1);
        }

        void add(int key, float delta) {
            int m = keys.length - 1;
            int i = (key * 0x9E3779B9) >>> 7 & m;
            while (true) {
                int k = keys[i];
                if (k == key) {
                    values[i] += delta;
                    return;
                }
                if (k == -1) {
                    keys[i] = key;
                    values[i] = delta;
                    if (++size * 2 > keys.length) {
                        grow();
                    }
                    return;
                }
                i = (i + 1) & m;
            }
        }

        private void grow() {
            int[] oldK = keys;
            float[] oldV = values;
            keys = new int[oldK.length * 2];
            values = new float[oldK.length * 2];
            Arrays.fill(keys, -1);
            size = 0;
            for (int i = 0; i < oldK.length; i++) {
                if (oldK[i] != -1) {
                    add(oldK[i], oldV[i]);
                }
            }
        }

        public int size() {
            return size;
        }

        /** Slot capacity; iterate slots {@code 0..capacity()-1} and skip those where {@link #keyAt} is -1. */
        public int capacity() {
            return keys.length;
        }

        public int keyAt(int slot) {
            return keys[slot];
        }

        public float valueAt(int slot) {
            return values[slot];
        }
    }
}

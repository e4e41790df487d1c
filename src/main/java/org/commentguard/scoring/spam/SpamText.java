package org.commentguard.scoring.spam;

/** Hashing shared by the feature extractor, the lexicon and the trainer, so that all agree on token identity. */
final class SpamText {

    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    static final long FNV_PRIME = 0x100000001b3L;

    private SpamText() {}

    /**
     * Hash of a lower-cased token. Digits all hash as '0' so that "call 555 0199" and "call 555 0123" share
     * features; numbers carry their shape, not their value.
     */
    static long hash(char[] lower, int begin, int end) {
        long h = FNV_OFFSET;
        for (int i = begin; i < end; i++) {
            char c = lower[i];
            h = (h ^ (c >= '0' && c <= '9' ? '0' : c)) * FNV_PRIME;
        }
        return h;
    }

    static long hash(String lowerToken) {
        char[] chars = lowerToken.toCharArray();
        return hash(chars, 0, chars.length);
    }

    /** SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}

package org.commentguard.scoring.spam;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one comment into the spam model's inputs: a few dense, hand-designed features (links, contact and promo
 * phrases, money and crypto pitches, shouting, flooding, duplicates) plus hashed word unigrams and bigrams, and
 * the evidence behind them as spans of the ORIGINAL text.
 *
 * <p>It works on the raw text with per-character lower-casing, so every index is an index into the original
 * string; no normaliser mapping is needed. One left-to-right pass finds links, e-mail addresses and phone
 * numbers, a second tokenises the rest. Stateless and thread-safe.
 */
public final class SpamFeatures {

    public static final int LINK = 0;
    public static final int REFERENCE_LINK = 1;
    public static final int SHORTENER = 2;
    public static final int SPELLED_DOMAIN = 3;
    public static final int EMAIL = 4;
    public static final int PHONE = 5;
    public static final int PROMO = 6;
    public static final int CONTACT = 7;
    public static final int MONEY = 8;
    public static final int CRYPTO = 9;
    public static final int SHOUTING = 10;
    public static final int FLOODING = 11;
    public static final int LENGTH = 12;
    public static final int LINK_IN_SHORT_TEXT = 13;
    public static final int DUPLICATE = 14;
    /** Number of dense features; hashed n-gram features follow them in the weight vector. */
    public static final int DENSE = 15;

    /** Feature names in index order, as written to the model file and the model card. */
    public static final List<String> NAMES = List.of(
            "link",
            "reference_link",
            "shortener",
            "spelled_domain",
            "email",
            "phone",
            "promo",
            "contact",
            "money",
            "crypto",
            "shouting",
            "flooding",
            "length",
            "link_in_short_text",
            "duplicate");

    public static final int HASH_BITS = 18;
    public static final int HASH_DIM = 1 << HASH_BITS;

    /** Letters needed before the caps ratio means anything: "OK" and "USA" are not shouting. */
    static final int MIN_LETTERS_FOR_SHOUTING = 12;
    /** Caps ratio from which a comment counts as shouting; the feature rises linearly from 0.5 to 1. */
    static final double SHOUTING_RATIO = 0.7;

    private static final long URL_TOKEN = SpamText.mix(0x75726cL);
    private static final long EMAIL_TOKEN = SpamText.mix(0x656d61696cL);
    private static final long PHONE_TOKEN = SpamText.mix(0x70686f6e65L);
    private static final long BIGRAM_SALT = 0x9e3779b97f4a7c15L;

    private final SpamLexicon lexicon = SpamLexicon.DEFAULT;

    /**
     * One piece of evidence.
     *
     * @param begin   start in the original text
     * @param end     end (exclusive) in the original text
     * @param feature dense feature index it contributes to
     * @param rule    rule name, used as the span's term ({@code link}, {@code promo}, {@code contact.phone} …)
     */
    public record Evidence(int begin, int end, int feature, String rule) {}

    /**
     * The model inputs for one comment.
     *
     * @param dense          dense feature values, indexed by the constants of this class
     * @param hashed         indices of the hashed n-gram features, each with value {@code hashedValue}
     * @param hashedValue    1/sqrt(number of n-grams), so long comments do not get larger logits merely for length
     * @param evidence       spans of evidence in original offsets
     * @param duplicates     how many recent comments this one (nearly) duplicates
     * @param exactDuplicate whether at least one of them has an identical fingerprint
     * @param capsRatio      upper-case share of the letters outside links
     * @param referenceLinks links to reference domains (news agencies, public bodies …), not counted as spam
     */
    public record Extraction(
            double[] dense,
            int[] hashed,
            double hashedValue,
            List<Evidence> evidence,
            int duplicates,
            boolean exactDuplicate,
            double capsRatio,
            int referenceLinks) {}

    /** Extracts features with no recent-comment window. */
    public Extraction extract(String text) {
        return extract(text, new long[0], null, 0);
    }

    /**
     * Extracts the features of {@code text}.
     *
     * @param recentFingerprints {@link NearDuplicate} fingerprints of recent comments of the same site
     * @param recentTexts        the texts behind those fingerprints, for verifying candidates by shingle
     *                           overlap; null to decide on fingerprints alone
     * @param recentCount        how many entries of {@code recentFingerprints} are valid
     */
    public Extraction extract(String text, long[] recentFingerprints, String[] recentTexts, int recentCount) {
        Work w = new Work(text);
        // The steps run in this order because each reads what the one before found; evidence with the same offsets
        // keeps the order it was found in.
        // 1. Links, e-mail addresses and phone numbers, as regions that tokenisation replaces with one token each.
        w.findRegions();
        // 2. Word tokens, the caps ratio and character flooding outside the regions.
        w.tokenise();
        // 3. Token-level rules: phrases, spelled-out domains, money and crypto pitches.
        w.applyTokenRules();
        // 4. Near-duplicates of the site's recent comments.
        w.findDuplicates(recentFingerprints, recentTexts, recentCount);
        double[] dense = w.dense();
        int[] hashed = w.hashedNgrams();
        double value = hashed.length == 0 ? 0 : 1 / Math.sqrt(hashed.length);
        w.evidence.sort((a, b) ->
                a.begin() != b.begin() ? Integer.compare(a.begin(), b.begin()) : Integer.compare(a.end(), b.end()));
        return new Extraction(
                dense, hashed, value, List.copyOf(w.evidence), w.duplicates, w.exact, w.capsRatio(), w.referenceLinks);
    }

    /** The state of one extraction, shared by its steps. */
    private final class Work {
        final String text;
        final int n;
        /** Per-character lower case, so that every index is an index into the original text. */
        final char[] lower;

        final List<Evidence> evidence = new ArrayList<>(4);

        int[] regionBegin = new int[8];
        int[] regionEnd = new int[8];
        long[] regionToken = new long[8];
        int regions;
        int links;
        int referenceLinks;
        int shorteners;
        int emails;
        int phones;

        int[] tokStart;
        int[] tokEnd;
        long[] tokHash;
        int tokens;
        int upper;
        int letters;
        int floods;

        int promos;
        int contacts;
        int money;
        int spelledDomains;
        int firstAsset = -1;
        int firstPitch = -1;

        int duplicates;
        boolean exact;

        Work(String text) {
            this.text = text;
            this.n = text.length();
            this.lower = new char[n];
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                lower[i] = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
            }
        }

        /** Step 1: one left-to-right pass over the text for links, e-mail addresses and phone numbers. */
        void findRegions() {
            int i = 0;
            while (i < n) {
                char c = lower[i];
                boolean boundary = i == 0 || !isHostChar(lower[i - 1]);
                int start = i;
                int end = -1;
                long token = 0;
                if (boundary && (c == 'h' || c == 'w')) {
                    end = schemeLink(i);
                    token = URL_TOKEN;
                }
                if (end < 0 && c == '@') {
                    int[] email = email(lower, i);
                    if (email != null) {
                        // The local part was already consumed as plain text; pull the region start back over it.
                        start = email[0];
                        end = email[1];
                        token = EMAIL_TOKEN;
                        emails++;
                        evidence.add(new Evidence(start, end, EMAIL, "contact.email"));
                    }
                }
                if (end < 0 && boundary && isLetterOrDigitAscii(c)) {
                    end = bareLink(i);
                    token = URL_TOKEN;
                }
                if (end < 0
                        && boundary
                        && (isDigit(c) || (c == '+' && i + 1 < n && isDigit(lower[i + 1])))
                        && (i == 0 || lower[i - 1] != '$')) {
                    int phoneEnd = phone(lower, i);
                    if (phoneEnd > 0) {
                        end = phoneEnd;
                        token = PHONE_TOKEN;
                        phones++;
                        evidence.add(new Evidence(i, end, PHONE, "contact.phone"));
                    }
                }
                if (end > 0) {
                    addRegion(start, end, token);
                    i = end;
                } else {
                    i++;
                }
            }
        }

        /** A link that starts with {@code http://}, {@code https://} or {@code www.} at {@code i}; its end or -1. */
        private int schemeLink(int i) {
            int hostStart = -1;
            if (startsWith(lower, i, "https://")) {
                hostStart = i + 8;
            } else if (startsWith(lower, i, "http://")) {
                hostStart = i + 7;
            } else if (startsWith(lower, i, "www.")) {
                hostStart = i;
            }
            if (hostStart < 0) {
                return -1;
            }
            int end = urlEnd(lower, hostStart);
            if (end <= hostStart) {
                return -1;
            }
            countLink(i, end, host(lower, hostStart, end));
            return end;
        }

        /** A bare domain ("example.com/offer") at {@code i}; its end or -1. */
        private int bareLink(int i) {
            int domainEnd = bareDomain(lower, i);
            if (domainEnd <= 0) {
                return -1;
            }
            int end = urlEnd(lower, domainEnd);
            countLink(i, end, host(lower, i, end));
            return end;
        }

        private void countLink(int begin, int end, String host) {
            int kind = classifyLink(host);
            if (kind == REFERENCE_LINK) {
                referenceLinks++;
            } else {
                links++;
                if (kind == SHORTENER) {
                    shorteners++;
                }
                evidence.add(new Evidence(begin, end, kind, kind == SHORTENER ? "link.shortener" : "link"));
            }
        }

        private void addRegion(int begin, int end, long token) {
            if (regions > 0 && begin < regionEnd[regions - 1]) {
                // An e-mail address whose local part overlaps the previous region: merge.
                regionEnd[regions - 1] = Math.max(regionEnd[regions - 1], end);
                return;
            }
            if (regions == regionBegin.length) {
                regionBegin = java.util.Arrays.copyOf(regionBegin, regions * 2);
                regionEnd = java.util.Arrays.copyOf(regionEnd, regions * 2);
                regionToken = java.util.Arrays.copyOf(regionToken, regions * 2);
            }
            regionBegin[regions] = begin;
            regionEnd[regions] = end;
            regionToken[regions] = token;
            regions++;
        }

        /** Step 2: tokens (letters/digits; each region one token), caps ratio and flooding outside the regions. */
        void tokenise() {
            int cap = n / 2 + regions + 2;
            tokStart = new int[cap];
            tokEnd = new int[cap];
            tokHash = new long[cap];
            int region = 0;
            int i = 0;
            while (i < n) {
                if (region < regions && i >= regionBegin[region]) {
                    tokStart[tokens] = regionBegin[region];
                    tokEnd[tokens] = regionEnd[region];
                    tokHash[tokens++] = regionToken[region];
                    i = Math.max(i, regionEnd[region++]);
                    continue;
                }
                char c = text.charAt(i);
                if (isWordChar(c)) {
                    i = word(i, region < regions ? regionBegin[region] : n);
                } else if (c == '!' || c == '?' || c == '.' || c == '$' || c == '*') {
                    i = punctuationRun(i);
                } else {
                    i++;
                }
            }
        }

        /** One word token from {@code start}, counting its letters and capitals; returns where it ends. */
        private int word(int start, int limit) {
            int i = start;
            while (i < limit) {
                char ch = text.charAt(i);
                if (ch < 128) {
                    if (ch >= 'a' && ch <= 'z') {
                        letters++;
                    } else if (ch >= 'A' && ch <= 'Z') {
                        upper++;
                        letters++;
                    } else if (ch < '0' || ch > '9') {
                        break;
                    }
                } else if (Character.isLetter(ch)) {
                    letters++;
                    if (Character.isUpperCase(ch)) {
                        upper++;
                    }
                } else if (!Character.isDigit(ch)) {
                    break;
                }
                i++;
            }
            tokStart[tokens] = start;
            tokEnd[tokens] = i;
            tokHash[tokens++] = SpamText.hash(lower, start, i);
            floods += floods(lower, start, i, evidence, 4);
            return i;
        }

        /** A run of {@code ! ? . $ *} from {@code start}; returns where it ends. */
        private int punctuationRun(int start) {
            int i = start;
            while (i < n
                    && (lower[i] == '!' || lower[i] == '?' || lower[i] == '.' || lower[i] == '$' || lower[i] == '*')) {
                i++;
            }
            // Five or more: "..." and "?!" are ordinary punctuation, "!!!!!!!" is not.
            if (i - start >= 5) {
                floods++;
                evidence.add(new Evidence(start, i, FLOODING, "flooding"));
            }
            return i;
        }

        /**
         * Step 3: the token-level rules in one pass, because a matched phrase's tokens are skipped by every rule
         * after it.
         */
        void applyTokenRules() {
            for (int t = 0; t < tokens; t++) {
                int info = lexicon.info(tokHash[t]);
                SpamLexicon.Phrase phrase = info == 0 ? null : lexicon.phraseAt(info, tokHash, t, tokens);
                if (phrase != null) {
                    phrase(phrase, t);
                }
                spelledDomain(t);
                earningsClaim(t);
                if (firstAsset < 0 && (info & SpamLexicon.ASSET) != 0) {
                    firstAsset = t;
                }
                if (firstPitch < 0 && (info & SpamLexicon.PITCH) != 0) {
                    firstPitch = t;
                }
                if (phrase != null) {
                    t += skipPhrase(phrase, t);
                }
            }
            if (crypto()) {
                evidence.add(new Evidence(tokStart[firstAsset], tokEnd[firstAsset], CRYPTO, "promo.crypto"));
                evidence.add(new Evidence(tokStart[firstPitch], tokEnd[firstPitch], CRYPTO, "promo.crypto"));
            }
        }

        private void phrase(SpamLexicon.Phrase phrase, int t) {
            int last = t + phrase.hashes().length - 1;
            switch (phrase.family()) {
                case PROMO -> {
                    promos++;
                    evidence.add(new Evidence(tokStart[t], tokEnd[last], PROMO, "promo"));
                }
                case CONTACT -> {
                    contacts++;
                    evidence.add(new Evidence(tokStart[t], tokEnd[last], CONTACT, "contact"));
                }
                case MONEY -> {
                    money++;
                    evidence.add(new Evidence(tokStart[t], tokEnd[last], MONEY, "promo.money"));
                }
            }
        }

        /** "example dot com" or "example. com": a domain spelt out to slip past link filters. */
        private void spelledDomain(int t) {
            if (t + 2 < tokens
                    && (lexicon.info(tokHash[t + 1]) & SpamLexicon.DOT) != 0
                    && isSpelledDomain(text, lower, tokStart, tokEnd, t)) {
                spelledDomains++;
                evidence.add(new Evidence(tokStart[t], tokEnd[t + 2], SPELLED_DOMAIN, "link.spelled"));
            } else if (t + 1 < tokens && isSpacedDomain(lower, tokStart, tokEnd, t)) {
                spelledDomains++;
                evidence.add(new Evidence(tokStart[t], tokEnd[t + 1], SPELLED_DOMAIN, "link.spelled"));
            }
        }

        private void earningsClaim(int t) {
            if (isAmount(text, lower, tokStart[t], tokEnd[t])
                    || (isNumber(lower, tokStart[t], tokEnd[t])
                            && t + 1 < tokens
                            && (lexicon.info(tokHash[t + 1]) & SpamLexicon.CURRENCY) != 0
                            && tokStart[t + 1] - tokEnd[t] <= 1)) {
                // An amount is an earnings claim only with an earning verb nearby AND a rate after it:
                // "made $8,000 last month" is a pitch, "the CEO made $20 million" is news.
                boolean verb = false;
                for (int u = Math.max(0, t - 6); u < Math.min(tokens, t + 4) && !verb; u++) {
                    verb = (lexicon.info(tokHash[u]) & SpamLexicon.EARN) != 0;
                }
                int limit = Math.min(tokens, t + 8);
                for (int u = t + 1; verb && u < limit; u++) {
                    if ((lexicon.info(tokHash[u]) & SpamLexicon.RATE) != 0) {
                        money++;
                        int begin = tokStart[t] > 0 && isCurrencySign(text.charAt(tokStart[t] - 1))
                                ? tokStart[t] - 1
                                : tokStart[t];
                        evidence.add(new Evidence(begin, tokEnd[u], MONEY, "promo.money"));
                        break;
                    }
                }
            }
        }

        /**
         * Do not let a shorter phrase re-match inside this one ("check out my channel" / "my channel"); the skipped
         * tokens still mark crypto assets and pitches. Returns how many tokens to skip.
         */
        private int skipPhrase(SpamLexicon.Phrase phrase, int t) {
            int skip = phrase.hashes().length - 1;
            for (int k = 1; k <= skip && t + k < tokens; k++) {
                int ik = lexicon.info(tokHash[t + k]);
                if (firstAsset < 0 && (ik & SpamLexicon.ASSET) != 0) {
                    firstAsset = t + k;
                }
                if (firstPitch < 0 && (ik & SpamLexicon.PITCH) != 0) {
                    firstPitch = t + k;
                }
            }
            return skip;
        }

        /** A crypto asset and an investment pitch anywhere in the same comment. */
        private boolean crypto() {
            return firstAsset >= 0 && firstPitch >= 0;
        }

        /** Step 4: how many recent comments this one (nearly) duplicates, verified by shingles where texts exist. */
        void findDuplicates(long[] recentFingerprints, String[] recentTexts, int recentCount) {
            if (recentCount <= 0 || !NearDuplicate.isComparable(text)) {
                return;
            }
            long fp = NearDuplicate.fingerprint(text);
            long[] shingles = null;
            for (int r = 0; r < recentCount; r++) {
                int d = NearDuplicate.distance(fp, recentFingerprints[r]);
                boolean duplicate = d <= NearDuplicate.DEFAULT_MAX_DISTANCE;
                if (!duplicate && d <= NearDuplicate.CANDIDATE_DISTANCE && recentTexts != null) {
                    if (shingles == null) {
                        shingles = NearDuplicate.shingles(text);
                    }
                    duplicate = NearDuplicate.jaccard(shingles, NearDuplicate.shingles(recentTexts[r]))
                            >= NearDuplicate.MIN_SIMILARITY;
                }
                if (duplicate) {
                    duplicates++;
                    exact |= d == 0;
                }
            }
            if (duplicates > 0) {
                int begin = 0;
                int end = n;
                while (begin < end && Character.isWhitespace(text.charAt(begin))) {
                    begin++;
                }
                while (end > begin && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                evidence.add(new Evidence(begin, end, DUPLICATE, "duplicate"));
            }
        }

        double capsRatio() {
            return letters == 0 ? 0 : (double) upper / letters;
        }

        /** The dense features from the counts the steps gathered. */
        double[] dense() {
            double[] dense = new double[DENSE];
            double capsRatio = capsRatio();
            int totalLinks = links + spelledDomains;
            dense[LINK] = Math.log1p(links);
            dense[REFERENCE_LINK] = Math.log1p(referenceLinks);
            dense[SHORTENER] = shorteners > 0 ? 1 : 0;
            dense[SPELLED_DOMAIN] = spelledDomains > 0 ? 1 : 0;
            dense[EMAIL] = emails > 0 ? 1 : 0;
            dense[PHONE] = phones > 0 ? 1 : 0;
            dense[PROMO] = Math.log1p(promos);
            dense[CONTACT] = Math.log1p(contacts);
            dense[MONEY] = Math.log1p(money);
            dense[CRYPTO] = crypto() ? 1 : 0;
            dense[SHOUTING] = letters >= MIN_LETTERS_FOR_SHOUTING ? Math.max(0, (capsRatio - 0.5) * 2) : 0;
            dense[FLOODING] = Math.log1p(floods);
            // Saturates around 200 words.
            dense[LENGTH] = Math.min(1.0, Math.log1p(tokens) / Math.log(201));
            dense[LINK_IN_SHORT_TEXT] = totalLinks > 0 ? Math.max(0, 1 - tokens / 40.0) : 0;
            dense[DUPLICATE] = Math.log1p(duplicates);
            return dense;
        }

        /** Hashed unigrams and bigrams. */
        int[] hashedNgrams() {
            int count = tokens == 0 ? 0 : 2 * tokens - 1;
            int[] hashed = new int[count];
            int k = 0;
            for (int t = 0; t < tokens; t++) {
                hashed[k++] = bucket(tokHash[t]);
                if (t > 0) {
                    hashed[k++] = bucket(tokHash[t - 1] * 31 + tokHash[t] + BIGRAM_SALT);
                }
            }
            return hashed;
        }
    }

    private static int bucket(long hash) {
        return (int) (SpamText.mix(hash) >>> (64 - HASH_BITS));
    }

    private int classifyLink(String host) {
        if (SpamLexicon.isReferenceHost(host)) {
            return REFERENCE_LINK;
        }
        return SpamLexicon.SHORTENERS.contains(host) ? SHORTENER : LINK;
    }

    /** Runs of one letter repeated {@code min}+ times inside a token ("soooooo", "hiiiii"). */
    private static int floods(char[] lower, int start, int end, List<Evidence> evidence, int min) {
        int found = 0;
        int run = 1;
        for (int i = start + 1; i <= end; i++) {
            if (i < end && lower[i] == lower[i - 1] && Character.isLetter(lower[i])) {
                run++;
            } else {
                if (run >= min) {
                    found++;
                    evidence.add(new Evidence(i - run, i, FLOODING, "flooding"));
                }
                run = 1;
            }
        }
        return found;
    }

    private static boolean startsWith(char[] s, int at, String prefix) {
        if (at + prefix.length() > s.length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (s[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** End of a URL starting at {@code from}: up to white space or a quote/bracket, minus trailing punctuation. */
    private static int urlEnd(char[] s, int from) {
        int i = from;
        while (i < s.length
                && !Character.isWhitespace(s[i])
                && s[i] != '"'
                && s[i] != '<'
                && s[i] != '>'
                && s[i] != '\''
                && s[i] != '\u00a0') {
            i++;
        }
        while (i > from && ".,;:!?)]}".indexOf(s[i - 1]) >= 0) {
            i--;
        }
        return i;
    }

    private static String host(char[] s, int from, int end) {
        int i = from;
        while (i < end && s[i] != '/' && s[i] != '?' && s[i] != '#' && s[i] != ':') {
            i++;
        }
        String host = new String(s, from, i - from);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /**
     * If a bare domain such as "murdev.com" or "bit.ly/x" starts at {@code start}, the index after its host;
     * otherwise -1.
     */
    private static int bareDomain(char[] s, int start) {
        long host = hostLabels(s, start);
        if (host < 0) {
            return -1;
        }
        int i = (int) (host >>> 32);
        int lastLabel = (int) host;
        if (i < s.length && (Character.isLetterOrDigit(s[i]) || s[i] == '@')) {
            return -1;
        }
        String tld = new String(s, lastLabel, i - lastLabel);
        boolean followedByPath = i < s.length && s[i] == '/';
        if (SpamLexicon.TLDS.contains(tld) && !SpamLexicon.AMBIGUOUS_TLDS.contains(tld)) {
            return i;
        }
        if ((SpamLexicon.AMBIGUOUS_TLDS.contains(tld) || SpamLexicon.TLDS.contains(tld))
                && (followedByPath || SpamLexicon.SHORTENERS.contains(new String(s, start, i - start)))) {
            return i;
        }
        return -1;
    }

    /**
     * Scans dot-separated ASCII labels ({@code a-z0-9-}) from {@code start}. Answers -1 unless there are at least
     * two, else the index after the last label in the high 32 bits and that label's start in the low 32 bits
     * (packed to keep this per-character path free of allocation).
     */
    private static long hostLabels(char[] s, int start) {
        int i = start;
        int labels = 0;
        int lastLabel = start;
        while (true) {
            int labelStart = i;
            while (i < s.length && (isLetterOrDigitAscii(s[i]) || s[i] == '-')) {
                i++;
            }
            if (i == labelStart) {
                return -1;
            }
            labels++;
            lastLabel = labelStart;
            if (i + 1 < s.length && s[i] == '.' && isLetterOrDigitAscii(s[i + 1])) {
                i++;
            } else {
                break;
            }
        }
        return labels < 2 ? -1 : ((long) i << 32) | lastLabel;
    }

    /** [local part start, end] of an e-mail address whose '@' is at {@code at}, or null. */
    private static int[] email(char[] s, int at) {
        int begin = at;
        while (begin > 0 && (isLetterOrDigitAscii(s[begin - 1]) || "._%+-".indexOf(s[begin - 1]) >= 0)) {
            begin--;
        }
        while (begin < at && !isLetterOrDigitAscii(s[begin])) {
            begin++;
        }
        if (begin == at) {
            return null;
        }
        int end = bareDomainAfterAt(s, at + 1);
        return end < 0 ? null : new int[] {begin, end};
    }

    private static int bareDomainAfterAt(char[] s, int start) {
        long host = hostLabels(s, start);
        if (host < 0) {
            return -1;
        }
        int i = (int) (host >>> 32);
        int lastLabel = (int) host;
        String tld = new String(s, lastLabel, i - lastLabel);
        // Any alphabetic TLD: after an '@' the shape alone is convincing.
        for (int k = 0; k < tld.length(); k++) {
            if (tld.charAt(k) < 'a' || tld.charAt(k) > 'z') {
                return -1;
            }
        }
        return tld.length() >= 2 ? i : -1;
    }

    /**
     * End of a phone number starting at {@code start} (10 to 15 digits, optionally grouped by spaces, dots,
     * dashes or brackets), or -1. Fewer digits are prices, years and dates far more often than phones.
     */
    private static int phone(char[] s, int start) {
        int digits = 0;
        int i = start;
        int lastDigitEnd = -1;
        int separatorRun = 0;
        if (s[i] == '+') {
            i++;
        }
        while (i < s.length) {
            char c = s[i];
            if (isDigit(c)) {
                digits++;
                lastDigitEnd = i + 1;
                separatorRun = 0;
            } else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') {
                if (++separatorRun > 2) {
                    break;
                }
            } else {
                break;
            }
            i++;
        }
        if (digits < 10 || digits > 15) {
            return -1;
        }
        if (lastDigitEnd < s.length && Character.isLetterOrDigit(s[lastDigitEnd])) {
            return -1;
        }
        return lastDigitEnd;
    }

    /** "example dot com", "example (dot) com", "example [dot] com". */
    private static boolean isSpelledDomain(String text, char[] lower, int[] tokStart, int[] tokEnd, int t) {
        String label = new String(lower, tokStart[t], tokEnd[t] - tokStart[t]);
        String tld = new String(lower, tokStart[t + 2], tokEnd[t + 2] - tokStart[t + 2]);
        if (label.length() < 2
                || SpamLexicon.SPELLED_DOMAIN_STOPWORDS.contains(label)
                || !SpamLexicon.SPELLED_TLDS.contains(tld)) {
            return false;
        }
        return gapIsSpaced(lower, tokEnd[t], tokStart[t + 1]) && gapIsSpaced(lower, tokEnd[t + 1], tokStart[t + 2]);
    }

    /** "example . com" with spaces around the dot (the unspaced form is an ordinary bare domain). */
    private static boolean isSpacedDomain(char[] lower, int[] tokStart, int[] tokEnd, int t) {
        int gapStart = tokEnd[t];
        int gapEnd = tokStart[t + 1];
        int dots = 0;
        int spaces = 0;
        for (int i = gapStart; i < gapEnd; i++) {
            char c = lower[i];
            if (c == '.') {
                dots++;
            } else if (c == ' ') {
                spaces++;
            } else {
                return false;
            }
        }
        if (dots != 1 || spaces == 0 || tokEnd[t] - tokStart[t] < 2) {
            return false;
        }
        String tld = new String(lower, tokStart[t + 1], tokEnd[t + 1] - tokStart[t + 1]);
        if (!(tld.equals("com") || tld.equals("net") || tld.equals("org"))) {
            return false;
        }
        // "... for the com. Net ..." is prose: require the TLD to end the sentence-like unit.
        int after = tokEnd[t + 1];
        return after >= lower.length || !Character.isLetterOrDigit(lower[after]);
    }

    private static boolean gapIsSpaced(char[] lower, int from, int to) {
        if (to - from > 4) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (" ()[]{}".indexOf(lower[i]) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAmount(String text, char[] lower, int start, int end) {
        return start > 0 && isCurrencySign(text.charAt(start - 1)) && isDigit(lower[start]);
    }

    private static boolean isCurrencySign(char c) {
        return c == '$' || c == '€' || c == '£';
    }

    private static boolean isNumber(char[] lower, int start, int end) {
        return isDigit(lower[start]);
    }

    private static boolean isWordChar(char c) {
        return c < 128
                ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                : Character.isLetterOrDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetterOrDigitAscii(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isHostChar(char c) {
        return isLetterOrDigitAscii(c) || c == '.' || c == '-' || c == '@' || c == '/' || c == '_';
    }
}

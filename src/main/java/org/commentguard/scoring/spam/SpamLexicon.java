package org.commentguard.scoring.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hand-written evidence lists for the spam features: promotional and contact phrases, money-making and
 * crypto-pitch vocabulary, top-level domains, link shorteners and reference domains. They are part of the model
 * (a change here changes scores), so they live in code that is versioned with the model, not in site config.
 */
final class SpamLexicon {

    /** Families of phrase rules; each maps to one dense feature and one reason. */
    enum Family {
        PROMO,
        CONTACT,
        MONEY
    }

    record Phrase(String text, Family family, long[] hashes) {}

    private static final String[] PROMO = {
        "check out my",
        "check my channel",
        "check out our",
        "checkout my",
        "visit my",
        "visit our",
        "my channel",
        "our channel",
        "my youtube",
        "my new video",
        "my new song",
        "my video",
        "my videos",
        "my vid",
        "my music",
        "my page",
        "my website",
        "my site",
        "my blog",
        "my profile",
        "my band",
        "my instagram",
        "my insta",
        "my twitter",
        "my tiktok",
        "my onlyfans",
        "subscribe",
        "subscribe to",
        "please subscribe",
        "sub to my",
        "sub 4 sub",
        "sub for sub",
        "follow me",
        "like and subscribe",
        "like this comment",
        "thumbs up so",
        "give me a chance",
        "listen to my",
        "click here",
        "click the link",
        "click this link",
        "click on the link",
        "link in bio",
        "link in my bio",
        "link below",
        "promo code",
        "discount code",
        "coupon code",
        "free gift card",
        "gift cards",
        "free iphone",
        "giveaway",
        "limited offer",
        "limited time offer",
        "100 free",
        "hot singles",
        "dating site",
        "adult content",
        "win a free",
        "you have won",
        "claim your prize",
        "claim your free",
        "buy now",
        "order now",
        "best price",
        "cheap viagra",
        "followers for free",
        "free followers",
        "get followers",
        "i am a new",
        "im a new",
        "new youtuber",
        "small youtuber",
        "upcoming artist",
        "upcoming rapper",
        "aspiring rapper",
        "aspiring artist",
        "help me reach",
    };

    private static final String[] CONTACT = {
        "dm me",
        "pm me",
        "inbox me",
        "message me",
        "text me",
        "contact me",
        "email me",
        "hit me up",
        "reach me",
        "add me on",
        "whatsapp",
        "whats app",
        "telegram",
        "kik me",
        "snapchat me",
        "contact him",
        "contact her",
        "reach him",
        "reach her",
        "email him",
        "email her",
        "write to him",
        "write to her",
        "via email",
        "via whatsapp",
    };

    private static final String[] MONEY = {
        "work from home",
        "working from home",
        "from the comfort of",
        "make money",
        "making money",
        "earn money",
        "earning money",
        "earn extra",
        "extra income",
        "passive income",
        "get paid",
        "easy money",
        "financial freedom",
        "quit my job",
        "weekly income",
        "monthly income",
        "side hustle",
        "online job",
        "home based",
        "money online",
        "get rich",
        "investment platform",
        "trading platform",
        "account manager",
        "binary options",
        "binary option",
        "crypto trading",
        "bitcoin mining",
        "double your",
    };

    /** Cryptocurrency, forex and bullion words; a pitch needs one of these AND one of {@link #PITCH_WORDS}. */
    static final String[] ASSET_WORDS = {
        "bitcoin", "bitcoins", "btc", "crypto", "cryptocurrency", "cryptocurrencies", "forex", "ethereum", "eth",
        "usdt", "binance", "nft", "nfts", "gold", "bullion", "altcoin", "altcoins", "dogecoin",
    };

    static final String[] PITCH_WORDS = {
        "profit",
        "profits",
        "returns",
        "roi",
        "earn",
        "earned",
        "earning",
        "earnings",
        "trader",
        "traders",
        "broker",
        "mentor",
        "manager",
        "expert",
        "signals",
        "withdraw",
        "withdrew",
        "withdrawal",
        "payout",
        "payouts",
        "whatsapp",
        "telegram",
        "income",
        "weekly",
        "guaranteed",
        "recommend",
        "invested",
    };

    /** Verbs that turn an amount of money into an earnings claim ("made $8,000 …"). */
    static final String[] EARN_VERBS = {
        "make",
        "makes",
        "made",
        "making",
        "earn",
        "earns",
        "earned",
        "earning",
        "profit",
        "profits",
        "profited",
        "income",
        "paid",
        "pays",
        "withdrew",
        "withdraw",
        "generate",
        "generated",
        "generating",
    };

    /** Rates that complete the claim ("… a month", "… per day", "… weekly", "… from home"). */
    static final String[] RATE_WORDS = {
        "hour", "hourly", "day", "daily", "week", "weekly", "weeks", "month", "monthly", "home", "online", "passive",
        "days",
    };

    static final Set<String> SHORTENERS = Set.of(
            "bit.ly",
            "goo.gl",
            "tinyurl.com",
            "t.co",
            "ow.ly",
            "is.gd",
            "buff.ly",
            "adf.ly",
            "bit.do",
            "cutt.ly",
            "rebrand.ly",
            "shorturl.at",
            "tiny.cc",
            "rb.gy",
            "t.ly",
            "lnkd.in",
            "youtu.be",
            "shorte.st",
            "linktr.ee",
            "v.gd",
            "soo.gd",
            "s.id",
            "qr.ae",
            "wa.me",
            "t.me");

    /** Top-level domains recognised in bare domains such as "murdev.com"; others need a scheme or "www.". */
    static final Set<String> TLDS = Set.of(
            "com", "net", "org", "info", "biz", "io", "co", "ly", "tv", "uk", "de", "fr", "ru", "cn", "xyz", "top",
            "online", "site", "club", "shop", "store", "app", "gl", "gd", "tk", "ml", "ga", "cf", "gq", "ws", "cc",
            "link", "live", "click", "vip", "pro", "edu", "gov", "eu", "ca", "au", "nl", "es", "pl", "br", "jp", "kr",
            "ee", "gg", "fm", "ai", "news", "blog", "page");

    /**
     * Two-letter TLDs that are also common English words or abbreviations ("go.to", "a.m."), accepted only
     * when followed by a path or when the host is a known shortener.
     */
    static final Set<String> AMBIGUOUS_TLDS = Set.of(
            "in", "it", "is", "to", "be", "me", "us", "at", "no", "so", "do", "am", "as", "my", "id", "st", "ly");

    /** Spelled-out TLD words in "example dot com". */
    static final Set<String> SPELLED_TLDS = Set.of("com", "net", "org", "info", "co", "biz", "io", "ly", "xyz");

    /** Words that precede "dot com" in prose ("the dot com bubble") and are not domain labels. */
    static final Set<String> SPELLED_DOMAIN_STOPWORDS = Set.of(
            "the", "a", "an", "of", "in", "on", "this", "that", "and", "or", "his", "her", "their", "its", "to",
            "first", "old", "early", "late", "big");

    /**
     * Domains of news agencies, newspapers, encyclopaedias, journals and public bodies. A news-site reader
     * citing Reuters is arguing, not advertising: links to these count as a separate, nearly neutral feature
     * and are never marked as spam evidence. Sub-domains match too; any ".gov", ".edu", ".mil" or ".int"
     * host does as well.
     */
    static final Set<String> REFERENCE_DOMAINS = Set.of(
            "reuters.com",
            "apnews.com",
            "ap.org",
            "bbc.com",
            "bbc.co.uk",
            "nytimes.com",
            "washingtonpost.com",
            "wsj.com",
            "ft.com",
            "bloomberg.com",
            "theguardian.com",
            "guardian.co.uk",
            "cnn.com",
            "npr.org",
            "pbs.org",
            "wikipedia.org",
            "wikimedia.org",
            "economist.com",
            "cnbc.com",
            "forbes.com",
            "politico.com",
            "politico.eu",
            "thehill.com",
            "axios.com",
            "foxnews.com",
            "nbcnews.com",
            "cbsnews.com",
            "abcnews.go.com",
            "latimes.com",
            "usatoday.com",
            "aljazeera.com",
            "dw.com",
            "france24.com",
            "lemonde.fr",
            "spiegel.de",
            "zeit.de",
            "faz.net",
            "elpais.com",
            "lefigaro.fr",
            "theatlantic.com",
            "newyorker.com",
            "time.com",
            "newsweek.com",
            "marketwatch.com",
            "zerohedge.com",
            "businessinsider.com",
            "yahoo.com",
            "msn.com",
            "nature.com",
            "science.org",
            "sciencedirect.com",
            "springer.com",
            "wiley.com",
            "thelancet.com",
            "nejm.org",
            "bmj.com",
            "arxiv.org",
            "doi.org",
            "jstor.org",
            "ssrn.com",
            "nih.gov",
            "who.int",
            "europa.eu",
            "un.org",
            "imf.org",
            "worldbank.org",
            "oecd.org",
            "federalreserve.gov",
            "ecb.europa.eu",
            "snopes.com",
            "factcheck.org",
            "politifact.com",
            "britannica.com",
            "archive.org",
            "scholar.google.com",
            "congress.gov",
            "supremecourt.gov");

    static final int ASSET = 1;
    static final int PITCH = 2;
    static final int EARN = 4;
    static final int RATE = 8;
    static final int DOT = 16;
    static final int CURRENCY = 32;
    private static final int GROUP_SHIFT = 8;

    private final Phrase[] phrases;
    private final int[][] phrasesByFirstToken;
    /** Token hash → flags in the low byte and (phrase group + 1) above it: one probe per token. */
    private final LongIntMap tokenInfo;

    static final SpamLexicon DEFAULT = new SpamLexicon();

    /** The phrases of one family, as written above. */
    static List<String> phrases(Family family) {
        return List.of(
                switch (family) {
                    case PROMO -> PROMO;
                    case CONTACT -> CONTACT;
                    case MONEY -> MONEY;
                });
    }

    private SpamLexicon() {
        List<Phrase> all = new ArrayList<>();
        add(all, PROMO, Family.PROMO);
        add(all, CONTACT, Family.CONTACT);
        add(all, MONEY, Family.MONEY);
        phrases = all.toArray(Phrase[]::new);
        java.util.Map<Long, Integer> info = new java.util.LinkedHashMap<>();
        List<List<Integer>> groups = new ArrayList<>();
        java.util.Map<Long, Integer> groupOf = new java.util.HashMap<>();
        for (int p = 0; p < phrases.length; p++) {
            long first = phrases[p].hashes()[0];
            Integer g = groupOf.get(first);
            if (g == null) {
                g = groups.size();
                groups.add(new ArrayList<>());
                groupOf.put(first, g);
                info.merge(first, (g + 1) << GROUP_SHIFT, (a, b) -> a | b);
            }
            groups.get(g).add(p);
        }
        flag(info, ASSET_WORDS, ASSET);
        flag(info, PITCH_WORDS, PITCH);
        flag(info, EARN_VERBS, EARN);
        flag(info, RATE_WORDS, RATE);
        flag(info, new String[] {"dot"}, DOT);
        flag(info, new String[] {"dollars", "usd", "bucks", "euros", "eur", "gbp", "pounds"}, CURRENCY);
        tokenInfo = new LongIntMap(info.size());
        info.forEach(tokenInfo::put);
        phrasesByFirstToken = new int[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            // Longest first, so "check out my" wins over shorter phrases starting with the same word.
            phrasesByFirstToken[g] = groups.get(g).stream()
                    .sorted((a, b) -> Integer.compare(phrases[b].hashes().length, phrases[a].hashes().length))
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
    }

    private static void flag(java.util.Map<Long, Integer> info, String[] words, int flag) {
        for (String w : words) {
            info.merge(SpamText.hash(w), flag, (a, b) -> a | b);
        }
    }

    /** Flags and phrase group of a token, 0 when the lexicon does not know it. */
    int info(long tokenHash) {
        int v = tokenInfo.get(tokenHash);
        return v < 0 ? 0 : v;
    }

    private static void add(List<Phrase> all, String[] texts, Family family) {
        for (String text : texts) {
            String[] words = text.toLowerCase(Locale.ROOT).split(" ");
            long[] hashes = new long[words.length];
            for (int i = 0; i < words.length; i++) {
                hashes[i] = SpamText.hash(words[i]);
            }
            all.add(new Phrase(text, family, hashes));
        }
    }

    /** Longest phrase starting at token {@code t} given that token's {@link #info}, or null. */
    Phrase phraseAt(int info, long[] tokenHashes, int t, int tokenCount) {
        int g = (info >>> GROUP_SHIFT) - 1;
        if (g < 0) {
            return null;
        }
        for (int p : phrasesByFirstToken[g]) {
            long[] h = phrases[p].hashes();
            if (t + h.length > tokenCount) {
                continue;
            }
            boolean match = true;
            for (int k = 1; k < h.length; k++) {
                if (tokenHashes[t + k] != h[k]) {
                    match = false;
                    break;
                }
            }
            if (match) {
                return phrases[p];
            }
        }
        return null;
    }

    static boolean isReferenceHost(String host) {
        if (host.endsWith(".gov")
                || host.endsWith(".edu")
                || host.endsWith(".mil")
                || host.endsWith(".int")
                || host.contains(".gov.")
                || host.contains(".ac.")
                || host.contains(".edu.")) {
            return true;
        }
        String h = host;
        while (true) {
            if (REFERENCE_DOMAINS.contains(h)) {
                return true;
            }
            int dot = h.indexOf('.');
            if (dot < 0 || h.indexOf('.', dot + 1) < 0) {
                return false;
            }
            h = h.substring(dot + 1);
        }
    }
}

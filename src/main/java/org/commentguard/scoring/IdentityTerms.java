package org.commentguard.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identity terms of the bias-madlibs templates, which the toxicity model cards report false-positive rates
 * for; the live identity-term monitor watches the same list, so the card's figures and the monitor's compare.
 */
public final class IdentityTerms {

    /** Longest first, so "african american" wins over "african" and "american". */
    public static final List<String> ALL = List.of(
            "african american",
            "middle eastern",
            "middle aged",
            "african",
            "american",
            "asian",
            "bisexual",
            "black",
            "blind",
            "buddhist",
            "canadian",
            "catholic",
            "chinese",
            "christian",
            "deaf",
            "elderly",
            "european",
            "female",
            "gay",
            "heterosexual",
            "hispanic",
            "homosexual",
            "indian",
            "japanese",
            "jewish",
            "latina",
            "latino",
            "latinx",
            "lesbian",
            "lgbtq",
            "lgbt",
            "male",
            "mexican",
            "millenial",
            "muslim",
            "nonbinary",
            "older",
            "old",
            "paralyzed",
            "protestant",
            "queer",
            "sikh",
            "straight",
            "taoist",
            "teenage",
            "transgender",
            "trans",
            "white",
            "younger",
            "young");

    private static final Pattern ANY = Pattern.compile(
            "\\b(?:" + String.join("|", ALL.stream().map(Pattern::quote).toList()) + ")\\b");

    private IdentityTerms() {}

    /**
     * Every term a text mentions as a whole word, each once, in order of first mention. A longer term takes its
     * words: "african american" is not also "african" or "american".
     */
    public static List<String> mentioned(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = ANY.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (!found.contains(m.group())) {
                found.add(m.group());
            }
        }
        return found;
    }
}

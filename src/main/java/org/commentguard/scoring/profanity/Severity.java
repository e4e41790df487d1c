package org.commentguard.scoring.profanity;

import java.util.Locale;

/**
 * How offensive a lexicon term is. The weight is the score a single occurrence contributes (see
 * {@link ProfanityScorer} for how occurrences combine).
 */
public enum Severity {
    /** Everyday swearing most sites tolerate: damn, hell, crap, arse. */
    MILD(0.4),
    /** Strong swearing and sexual vulgarity: fuck, shit, cunt. */
    STRONG(0.8),
    /** Slurs against a group: always worth a moderator's look. */
    SLUR(0.95);

    private final double weight;

    Severity(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }

    /** Lower-case name used in lexicon files, spans and reasons. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT));
    }
}

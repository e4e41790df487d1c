package org.commentguard.scoring.profanity;

import java.util.Locale;

/**
 * How offensive a lexicon term is. Each tier has two weights, the evidence a single occurrence contributes to the
 * two attributes (see {@link ProfanityScorer} for how occurrences combine):
 * <ul>
 *   <li>{@link #presence()}, to {@code profanity}: how likely a confirmed match is profanity at all. Every tier is
 *       above 0.5, since a confirmed term is profanity whatever its tier; mild is lowest because its terms have
 *       everyday senses more often ("bloody", "hell", "suck", "bum");</li>
 *   <li>{@link #strength()}, to {@code strong_profanity}: how bad it is. Mild terms contribute nothing, so a site
 *       can reject strong swearing and slurs while it publishes or reviews mild words.</li>
 * </ul>
 */
public enum Severity {
    /** Everyday swearing most sites tolerate: damn, hell, crap, arse, bastard, bollocks. */
    MILD(0.75, 0.0),
    /** Strong swearing and sexual vulgarity: fuck, shit, cunt. */
    STRONG(0.9, 0.8),
    /** Slurs against a group: always worth a moderator's look. */
    SLUR(0.95, 0.95);

    private final double presence;
    private final double strength;

    Severity(double presence, double strength) {
        this.presence = presence;
        this.strength = strength;
    }

    /** What one occurrence contributes to {@code profanity}: the probability that the comment contains profanity. */
    public double presence() {
        return presence;
    }

    /** What one occurrence contributes to {@code strong_profanity}; 0 for mild terms. */
    public double strength() {
        return strength;
    }

    /** Lower-case name used in lexicon files, spans and reasons. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT));
    }
}

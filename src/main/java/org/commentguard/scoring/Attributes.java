package org.commentguard.scoring;

import java.util.List;

/** The attributes every score answer reports, in the order clients see them. */
public final class Attributes {

    public static final String TOXICITY = "toxicity";
    public static final String SEVERE_TOXICITY = "severe_toxicity";
    public static final String INSULT = "insult";
    public static final String THREAT = "threat";
    public static final String IDENTITY_ATTACK = "identity_attack";
    public static final String OBSCENE = "obscene";
    public static final String PROFANITY = "profanity";
    /** Strong swearing and slurs only: mild terms count for {@link #PROFANITY}, not here. */
    public static final String STRONG_PROFANITY = "strong_profanity";

    public static final String SPAM = "spam";
    public static final String OFF_TOPIC = "off_topic";

    public static final List<String> ALL = List.of(
            TOXICITY,
            SEVERE_TOXICITY,
            INSULT,
            THREAT,
            IDENTITY_ATTACK,
            OBSCENE,
            PROFANITY,
            STRONG_PROFANITY,
            SPAM,
            OFF_TOPIC);

    /** Id of the scorer that reports the comment's language in its details. */
    public static final String LANGUAGE_SCORER = "language";
    /** Language code for text whose language cannot be called. */
    public static final String UNDETERMINED = "und";

    private Attributes() {}
}

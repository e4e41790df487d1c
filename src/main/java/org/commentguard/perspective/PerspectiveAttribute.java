package org.commentguard.perspective;

import org.commentguard.scoring.Attributes;

import java.util.Arrays;
import java.util.Optional;

/** Perspective attribute names and the Commentguard attribute behind each. */
public enum PerspectiveAttribute {
    TOXICITY(Attributes.TOXICITY),
    SEVERE_TOXICITY(Attributes.SEVERE_TOXICITY),
    IDENTITY_ATTACK(Attributes.IDENTITY_ATTACK),
    INSULT(Attributes.INSULT),
    PROFANITY(Attributes.PROFANITY),
    THREAT(Attributes.THREAT),
    OBSCENE(Attributes.OBSCENE),
    SPAM(Attributes.SPAM),
    OFF_TOPIC(Attributes.OFF_TOPIC);

    private final String attribute;

    PerspectiveAttribute(String attribute) {
        this.attribute = attribute;
    }

    public String attribute() {
        return attribute;
    }

    static Optional<PerspectiveAttribute> named(String name) {
        return Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst();
    }
}

package org.commentguard.scoring.toxicity;

import java.util.Arrays;
import java.util.List;

/** The six toxicity attributes, in the stable order the scorer reports them and the model file stores them. */
public enum ToxicityAttribute {
    TOXICITY("toxicity"),
    SEVERE_TOXICITY("severe_toxicity"),
    OBSCENE("obscene"),
    THREAT("threat"),
    INSULT("insult"),
    IDENTITY_ATTACK("identity_attack");

    /** Attribute ids in enum order. */
    public static final List<String> IDS =
            Arrays.stream(values()).map(ToxicityAttribute::id).toList();

    private final String id;

    ToxicityAttribute(String id) {
        this.id = id;
    }

    /** The lower-case attribute id used in signals, config and the Perspective mapping. */
    public String id() {
        return id;
    }
}

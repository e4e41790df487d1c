package org.commentguard.scoring.toxicity;

import java.util.Set;

/**
 * Small hand-made word classes that give the linear model a prior on rare words: insults, obscenities, threats,
 * slurs and exclusionary phrasing. Matched against normalised tokens (lower case, apostrophes removed). Identity
 * words themselves (gay, muslim, black …) are deliberately absent: a feature that fires on them would teach the
 * model that mentioning an identity is toxic. The slur list follows the refined n-gram lexicon of Davidson et al.
 * (MIT), restricted to terms that are slurs in any context.
 */
final class ToxicityLexicon {

    static final Set<String> INSULT = Set.of("idiot", "idiots", "idiotic", "stupid", "stupidity", "moron", "morons",
            "moronic", "dumb", "dumbass", "loser", "losers", "fool", "fools", "retard", "retarded", "retards",
            "imbecile", "imbeciles", "cretin", "pathetic", "ignorant", "clown", "clowns", "scum", "scumbag", "trash",
            "garbage", "worthless", "incompetent", "jerk", "jerks", "douche", "douchebag", "pig", "pigs", "ugly",
            "liar", "liars", "hypocrite", "hypocrites", "coward", "cowards", "creep", "pervert", "lowlife", "twat",
            "dimwit", "halfwit", "nitwit", "buffoon", "dunce", "ignoramus", "brainless", "clueless", "braindead",
            "dolt", "dork", "freak", "psycho", "lunatic", "nutjob", "parasite", "parasites", "vermin", "subhuman",
            "filth", "filthy", "disgusting", "despicable", "shameful", "degenerate", "degenerates", "sick", "loony");

    static final Set<String> OBSCENE = Set.of("fuck", "fucks", "fucking", "fucked", "fucker", "fuckers", "fuckin",
            "motherfucker", "motherfuckers", "fck", "fk", "fuk", "wtf", "stfu", "shit", "shits", "shitty", "bullshit",
            "shithead", "ass", "asses", "asshole", "assholes", "arse", "arsehole", "bitch", "bitches", "bitchy",
            "bastard", "bastards", "cunt", "cunts", "dick", "dicks", "dickhead", "cock", "cocks", "cocksucker",
            "pussy", "piss", "pissed", "crap", "crappy", "damn", "goddamn", "whore", "whores", "slut", "sluts",
            "hoe", "hoes", "wanker", "tits", "blowjob", "porn", "penis", "sucks", "suck", "bollocks", "jackass");

    static final Set<String> THREAT = Set.of("kill", "kills", "killing", "killed", "murder", "murdered", "die",
            "dies", "shoot", "shot", "stab", "stabbed", "hang", "hanged", "lynch", "lynched", "beat", "beaten", "burn",
            "rape", "raped", "bomb", "hunt", "hurt", "punch", "strangle", "slaughter", "execute", "executed",
            "exterminate", "behead", "bullet", "bullets", "gun", "guns", "torture", "smash", "choke", "kys");

    static final Set<String> SLUR = Set.of("nigger", "niggers", "nigga", "niggas", "faggot", "faggots", "fag",
            "fags", "dyke", "dykes", "chink", "chinks", "spic", "spics", "wetback", "wetbacks", "kike", "kikes",
            "tranny", "trannies", "coon", "coons", "raghead", "ragheads", "towelhead", "gook", "gooks", "beaner",
            "beaners", "savages", "homo", "homos", "queers", "jihadis", "redskin", "redskins", "paki", "pakis");

    /** Exclusion and dehumanisation words: "deported", "go back", "invaders" carry hate without a slur. */
    static final Set<String> EXCLUSION = Set.of("deport", "deported", "deportation", "deporting", "invaders",
            "invasion", "infest", "infesting", "vermin", "subhuman", "subhumans", "animals", "breed", "breeding",
            "exterminate", "extermination", "cockroaches", "expel", "expelled", "ghetto");

    static final Set<String> SECOND_PERSON = Set.of("you", "your", "youre", "yours", "yourself", "u", "ur", "ya",
            "yall");

    /** "people" after these words generalises about a group: "you people", "these people", "those people". */
    static final Set<String> GROUP_DETERMINERS = Set.of("you", "these", "those", "them", "all");

    private ToxicityLexicon() {
    }
}

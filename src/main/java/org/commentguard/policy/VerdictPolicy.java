package org.commentguard.policy;

import org.commentguard.scoring.Attributes;
import org.commentguard.scoring.ScoreResult;
import org.commentguard.scoring.Span;
import org.commentguard.scoring.profanity.SiteTermSpans;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The single place where scores, the site policy and the author's standing become a verdict. Pure: the same
 * inputs always give the same verdict, which is what makes stored verdicts explainable and dry runs possible.
 * It reads spans and scores only; finding the site's terms and links in the text is {@link PolicySpans}' job.
 *
 * <p>Every rule adds its reason and the harshest action wins, so the reasons explain the whole picture, not
 * only the first rule that fired. The rules run in the order of {@link #decide}.
 */
public final class VerdictPolicy {

    /** Attributes a site's allow list can silence: they are scored from word matches, not from meaning. */
    private static final Set<String> LEXICAL =
            Set.of(Attributes.PROFANITY, Attributes.STRONG_PROFANITY, Attributes.OBSCENE);

    private VerdictPolicy() {}

    /**
     * Decides one comment.
     *
     * @param result the scoring pipeline's result (possibly rebuilt from stored scores)
     * @param spans  the policy's terms and links in the comment, found with the same policy
     */
    public static Verdict decide(ScoreResult result, PolicySpans spans, SitePolicy policy, AuthorState author) {
        Decision d = new Decision();
        // The order fixes the order of the reasons and which attribute is named decisive; the action is the
        // harshest of all rules whatever the order, except for the last rule, which only waives a queueing.
        // 1. A sanctioned author is rejected, whatever the comment says.
        sanctions(d, author);
        // 2. The site's word lists. Allow terms win over everything, including the scorers' lexical spans.
        boolean lexicalSilenced = wordLists(d, result, spans.terms());
        // 3. Per-attribute review and reject thresholds (lexical ones skipped when the allow list silenced them).
        thresholds(d, result, policy, lexicalSilenced);
        // 4. Off-topic, with the site's own threshold and action.
        offTopic(d, result, policy);
        // 5. A scorer that failed queues the comment on fail-closed sites.
        scorerFailures(d, result, policy);
        // 6. A language the scorers do not understand gets the site's action.
        unsupportedLanguage(d, result, policy);
        // 7. The moderation mode, then an author a moderator put on pre-moderation.
        moderationMode(d, spans, policy, author);
        // 8. Last, because it overrules a queueing: trusted authors skip the queue unless a hard rule fired.
        trustedAuthor(d, policy, author);
        return d.verdict();
    }

    /** Trusted: marked so by a moderator, or enough published comments and no recent rejection. */
    public static boolean isTrusted(AuthorState author, SitePolicy policy) {
        return author.trusted()
                || (author.publishedCount() >= policy.trustedAfterApprovals() && author.recentRejected() == 0);
    }

    private static void sanctions(Decision d, AuthorState author) {
        if (author.banned()) {
            d.add(PolicyAction.REJECT, "author.banned");
        } else if (author.suspended()) {
            d.add(PolicyAction.REJECT, "author.suspended");
        }
    }

    /**
     * Block terms reject, review terms queue (a queueing trust cannot waive), censor terms are masked; a term an
     * allow term covers counts for nothing. Returns whether the allow list silenced every lexical span the scorers
     * found, so that their lexical scores are not held against the comment either.
     */
    private static boolean wordLists(Decision d, ScoreResult result, SiteTermSpans terms) {
        if (!notAllowed(terms.block(), terms).isEmpty()) {
            d.add(PolicyAction.REJECT, "term.blocked");
        }
        if (!notAllowed(terms.review(), terms).isEmpty()) {
            d.add(PolicyAction.REVIEW, "term.review");
            d.unwaivable = true;
        }
        for (Span s : notAllowed(terms.censor(), terms)) {
            d.censored.add(new int[] {s.begin(), s.end()});
        }
        if (!d.censored.isEmpty()) {
            d.reasons.add("term.censored");
        }
        List<Span> lexical = result.spans().stream()
                .filter(s -> LEXICAL.contains(s.attribute()))
                .toList();
        return !lexical.isEmpty() && notAllowed(lexical, terms).isEmpty();
    }

    private static List<Span> notAllowed(List<Span> spans, SiteTermSpans terms) {
        return spans.stream().filter(s -> !terms.allows(s)).toList();
    }

    private static void thresholds(Decision d, ScoreResult result, SitePolicy policy, boolean lexicalSilenced) {
        for (String attribute : Attributes.ALL) {
            Thresholds t = policy.thresholds().get(attribute);
            Double score = result.score(attribute);
            if (attribute.equals(Attributes.OFF_TOPIC)
                    || t == null
                    || score == null
                    || (lexicalSilenced && LEXICAL.contains(attribute))) {
                continue;
            }
            if (score >= t.reject()) {
                d.addScore(PolicyAction.REJECT, attribute + ".reject", attribute);
            } else if (score >= t.review()) {
                d.addScore(PolicyAction.REVIEW, attribute + ".review", attribute);
            }
        }
    }

    private static void offTopic(Decision d, ScoreResult result, SitePolicy policy) {
        Double offTopic = result.score(Attributes.OFF_TOPIC);
        if (offTopic != null
                && offTopic >= policy.offTopicThreshold()
                && policy.offTopicAction() != PolicyAction.PUBLISH) {
            d.addScore(policy.offTopicAction(), "off_topic", Attributes.OFF_TOPIC);
        }
    }

    private static void scorerFailures(Decision d, ScoreResult result, SitePolicy policy) {
        if (policy.scorerFailureAction() == FailureAction.FAIL_CLOSED
                && result.reasons().stream().anyMatch(r -> r.endsWith(".failed"))) {
            d.add(PolicyAction.REVIEW, "scorer.failed");
            d.unwaivable = true;
        }
    }

    private static void unsupportedLanguage(Decision d, ScoreResult result, SitePolicy policy) {
        if (policy.unsupportedLanguageAction() != PolicyAction.PUBLISH
                && result.reasons().stream().anyMatch(r -> r.endsWith(".language_unsupported"))) {
            d.add(policy.unsupportedLanguageAction(), "language.unsupported");
        }
    }

    private static void moderationMode(Decision d, PolicySpans spans, SitePolicy policy, AuthorState author) {
        switch (policy.mode()) {
            case PRE_MODERATE_ALL -> {
                d.add(PolicyAction.REVIEW, "policy.premoderate_all");
                d.unwaivable = true;
            }
            case PRE_MODERATE_NEW_AUTHORS -> {
                if (author.publishedCount() < policy.newAuthorApprovals()) {
                    d.add(PolicyAction.REVIEW, "author.new");
                }
            }
            case PRE_MODERATE_LINKS -> {
                if (!spans.links().isEmpty()) {
                    d.add(PolicyAction.REVIEW, "policy.link");
                }
            }
            case POST_MODERATION -> {}
        }
        if (author.alwaysPremoderate()) {
            d.add(PolicyAction.REVIEW, "author.premoderated");
            d.unwaivable = true;
        }
    }

    /**
     * Trusted authors are published without waiting, unless a hard rule (block term, reject threshold, sanction,
     * the site's review list, a failed scorer on a fail-closed site, pre-moderate-all, an author on pre-moderation)
     * says otherwise.
     */
    private static void trustedAuthor(Decision d, SitePolicy policy, AuthorState author) {
        if (d.action == PolicyAction.REVIEW && !d.unwaivable && isTrusted(author, policy)) {
            d.action = PolicyAction.PUBLISH;
            d.reasons.add("author.trusted");
        }
    }

    private static final class Decision {
        PolicyAction action = PolicyAction.PUBLISH;
        final List<String> reasons = new ArrayList<>();
        final List<int[]> censored = new ArrayList<>();
        boolean unwaivable;
        String decisiveReject;
        String decisiveReview;

        void add(PolicyAction a, String reason) {
            action = action.max(a);
            reasons.add(reason);
            if (a == PolicyAction.REJECT) {
                unwaivable = true;
            }
        }

        void addScore(PolicyAction a, String reason, String attribute) {
            add(a, reason);
            if (a == PolicyAction.REJECT && decisiveReject == null) {
                decisiveReject = attribute;
            } else if (a == PolicyAction.REVIEW && decisiveReview == null) {
                decisiveReview = attribute;
            }
        }

        Verdict verdict() {
            String decisive = action == PolicyAction.REJECT
                    ? decisiveReject
                    : action == PolicyAction.REVIEW ? decisiveReview : null;
            return new Verdict(action, reasons, decisive, censored);
        }
    }
}

package org.commentguard.policy;

import org.commentguard.scoring.Attributes;
import org.commentguard.scoring.ScoreResult;
import org.commentguard.scoring.Span;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The single place where scores, the site policy and the author's standing become a verdict. Pure: the same
 * inputs always give the same verdict, which is what makes stored verdicts explainable and dry runs possible.
 *
 * <p>Every rule adds its reason and the harshest action wins, so the reasons explain the whole picture, not
 * only the first rule that fired. Rules, in order: author sanctions, word lists, per-attribute thresholds,
 * off-topic, scorer failures, unsupported language, moderation mode; finally trusted authors skip the queue.
 */
public final class VerdictPolicy {

    /** Attributes a site's allow list can silence: they are scored from word matches, not from meaning. */
    private static final Set<String> LEXICAL = Set.of(Attributes.PROFANITY, Attributes.STRONG_PROFANITY,
            Attributes.OBSCENE);
    private static final Pattern LINK = Pattern.compile(
            "(?i)\\b(?:https?://|www\\.)\\S+|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|net|org|info|biz|io|ru|cn"
                    + "|xyz|top|co|uk|de|us|ly|me|site|online|click)\\b(?:/\\S*)?");

    private VerdictPolicy() {
    }

    /**
     * Decides one comment.
     *
     * @param text   the comment as received (word lists and links are matched against it)
     * @param result the scoring pipeline's result (possibly rebuilt from stored scores)
     */
    public static Verdict decide(String text, ScoreResult result, SitePolicy policy, AuthorState author) {
        Decision d = new Decision();

        if (author.banned()) {
            d.add(PolicyAction.REJECT, "author.banned");
        } else if (author.suspended()) {
            d.add(PolicyAction.REJECT, "author.suspended");
        }

        // Word lists. Allow terms win over everything: ranges they cover are removed from every other match.
        List<TermMatcher.Match> allowed = TermMatcher.find(text, policy.allowTerms());
        Set<String> allowCanon = canonicalSet(policy.allowTerms());
        List<Span> spans = result.spans().stream()
                .filter(s -> s.term() == null || !allowCanon.contains(TermMatcher.canonical(s.term())))
                .filter(s -> !covered(s.begin(), s.end(), allowed))
                .toList();
        boolean lexicalSilenced = result.spans().stream().anyMatch(s -> LEXICAL.contains(s.attribute()))
                && spans.stream().noneMatch(s -> LEXICAL.contains(s.attribute()));

        if (!hits(text, spans, policy.blockTerms(), allowed).isEmpty()) {
            d.add(PolicyAction.REJECT, "term.blocked");
        }
        if (!hits(text, spans, policy.reviewTerms(), allowed).isEmpty()) {
            d.add(PolicyAction.REVIEW, "term.review");
            d.unwaivable = true;
        }
        List<int[]> censored = hits(text, spans, policy.censorTerms(), allowed);
        if (!censored.isEmpty()) {
            d.reasons.add("term.censored");
        }

        for (String attribute : Attributes.ALL) {
            Thresholds t = policy.thresholds().get(attribute);
            Double score = result.score(attribute);
            if (attribute.equals(Attributes.OFF_TOPIC) || t == null || score == null
                    || (lexicalSilenced && LEXICAL.contains(attribute))) {
                continue;
            }
            if (score >= t.reject()) {
                d.addScore(PolicyAction.REJECT, attribute + ".reject", attribute);
            } else if (score >= t.review()) {
                d.addScore(PolicyAction.REVIEW, attribute + ".review", attribute);
            }
        }
        Double offTopic = result.score(Attributes.OFF_TOPIC);
        if (offTopic != null && offTopic >= policy.offTopicThreshold()
                && policy.offTopicAction() != PolicyAction.PUBLISH) {
            d.addScore(policy.offTopicAction(), "off_topic", Attributes.OFF_TOPIC);
        }

        if (policy.scorerFailureAction() == FailureAction.FAIL_CLOSED
                && result.reasons().stream().anyMatch(r -> r.endsWith(".failed"))) {
            d.add(PolicyAction.REVIEW, "scorer.failed");
            d.unwaivable = true;
        }
        if (policy.unsupportedLanguageAction() != PolicyAction.PUBLISH
                && result.reasons().stream().anyMatch(r -> r.endsWith(".language_unsupported"))) {
            d.add(policy.unsupportedLanguageAction(), "language.unsupported");
        }

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
                if (LINK.matcher(text).find()) {
                    d.add(PolicyAction.REVIEW, "policy.link");
                }
            }
            case POST_MODERATION -> {
            }
        }
        if (author.alwaysPremoderate()) {
            d.add(PolicyAction.REVIEW, "author.premoderated");
            d.unwaivable = true;
        }

        // Trusted authors are published without waiting, unless a hard rule (block term, reject threshold,
        // sanction, the site's review list or pre-moderate-all) says otherwise.
        if (d.action == PolicyAction.REVIEW && !d.unwaivable && isTrusted(author, policy)) {
            d.action = PolicyAction.PUBLISH;
            d.reasons.add("author.trusted");
        }
        String decisive = d.action == PolicyAction.REJECT ? d.decisiveReject
                : d.action == PolicyAction.REVIEW ? d.decisiveReview : null;
        return new Verdict(d.action, d.reasons, decisive, censored);
    }

    /** Trusted: marked so by a moderator, or enough published comments and no recent rejection. */
    public static boolean isTrusted(AuthorState author, SitePolicy policy) {
        return author.trusted()
                || (author.publishedCount() >= policy.trustedAfterApprovals() && author.recentRejected() == 0);
    }

    /** Whether the text contains something that looks like a link. */
    public static boolean hasLink(String text) {
        return LINK.matcher(text).find();
    }

    private static List<int[]> hits(String text, List<Span> spans, List<String> terms,
                                     List<TermMatcher.Match> allowed) {
        List<int[]> ranges = new ArrayList<>();
        if (terms.isEmpty()) {
            return ranges;
        }
        for (TermMatcher.Match m : TermMatcher.find(text, terms)) {
            if (!covered(m.begin(), m.end(), allowed)) {
                ranges.add(new int[]{m.begin(), m.end()});
            }
        }
        // The profanity scorer sees disguised spellings this matcher does not; its spans carry the canonical term.
        Set<String> canon = canonicalSet(terms);
        for (Span s : spans) {
            if (s.term() != null && canon.contains(TermMatcher.canonical(s.term())) && s.end() <= text.length()) {
                ranges.add(new int[]{s.begin(), s.end()});
            }
        }
        return ranges;
    }

    private static boolean covered(int begin, int end, List<TermMatcher.Match> allowed) {
        return allowed.stream().anyMatch(a -> a.begin() < end && begin < a.end());
    }

    private static Set<String> canonicalSet(List<String> terms) {
        Set<String> set = new HashSet<>();
        terms.forEach(t -> set.add(TermMatcher.canonical(t)));
        set.remove("");
        return set;
    }

    private static final class Decision {
        PolicyAction action = PolicyAction.PUBLISH;
        final List<String> reasons = new ArrayList<>();
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
    }
}

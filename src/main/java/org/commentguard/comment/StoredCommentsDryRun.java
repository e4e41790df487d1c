package org.commentguard.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.commentguard.author.Author;
import org.commentguard.author.AuthorHistory;
import org.commentguard.policy.AuthorState;
import org.commentguard.policy.PolicyDryRun;
import org.commentguard.policy.PolicyOverrides;
import org.commentguard.policy.PolicySpans;
import org.commentguard.policy.SitePolicies;
import org.commentguard.policy.SitePolicy;
import org.commentguard.policy.Verdict;
import org.commentguard.policy.VerdictPolicy;
import org.commentguard.scoring.profanity.ProfanityScorer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The policy dry run over this site's stored comments: their stored scores, and their authors' standing as it is
 * now, which is the standing the proposed policy would meet from here on. The proposed word lists are looked for in
 * the stored text. Nothing is stored.
 */
@ApplicationScoped
public class StoredCommentsDryRun implements PolicyDryRun {

    private final SitePolicies policies;
    private final AuthorHistory history;
    private final Clock clock;
    private final ProfanityScorer profanity;

    public StoredCommentsDryRun(SitePolicies policies, AuthorHistory history, Clock clock, ProfanityScorer profanity) {
        this.policies = policies;
        this.history = history;
        this.clock = clock;
        this.profanity = profanity;
    }

    @Override
    @Transactional
    public Report run(UUID siteId, PolicyOverrides proposed, int limit) {
        SitePolicy policy = policies.propose(proposed);
        Instant now = clock.instant();
        Map<UUID, AuthorState> authors = new HashMap<>();
        Map<String, Integer> before = counts();
        Map<String, Integer> after = counts();
        List<Change> changes = new ArrayList<>();
        List<Comment> comments = Comment.latest(siteId, limit);
        for (Comment c : comments) {
            AuthorState state = authors.computeIfAbsent(c.authorId, id -> history.stateOf(Author.findById(id), now));
            Verdict v =
                    VerdictPolicy.decide(c.storedResult(), PolicySpans.of(c.text, policy, profanity), policy, state);
            CommentStatus next = CommentStatus.of(v.action());
            before.merge(c.autoStatus.name(), 1, Integer::sum);
            after.merge(next.name(), 1, Integer::sum);
            if (next != c.autoStatus) {
                changes.add(new Change(c.id, c.externalId, c.autoStatus.name(), next.name(), c.reasons(), v.reasons()));
            }
        }
        return new Report(comments.size(), changes.size(), before, after, changes);
    }

    private static Map<String, Integer> counts() {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        for (CommentStatus s : CommentStatus.values()) {
            m.put(s.name(), 0);
        }
        return m;
    }
}

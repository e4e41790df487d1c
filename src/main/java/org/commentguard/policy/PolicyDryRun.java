package org.commentguard.policy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Re-runs a proposed policy over a site's most recent stored comments, using their stored scores, and reports
 * which automatic verdicts would change. Nothing is stored. The comment feature implements it, since it holds the
 * comments and their authors' standing; the policy feature only asks.
 */
public interface PolicyDryRun {

    int MAX_COMMENTS = 2000;

    record Change(
            UUID commentId,
            String externalId,
            String before,
            String after,
            List<String> reasonsBefore,
            List<String> reasonsAfter) {}

    record Report(
            int evaluated,
            int changed,
            Map<String, Integer> before,
            Map<String, Integer> after,
            List<Change> changes) {}

    /** Counts of automatic statuses before and after, and every comment whose status would change. */
    Report run(UUID siteId, PolicyOverrides proposed, int limit);
}

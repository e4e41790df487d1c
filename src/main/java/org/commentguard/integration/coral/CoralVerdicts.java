package org.commentguard.integration.coral;

import org.commentguard.integration.coral.CoralRequests.FlagAction;
import org.commentguard.integration.coral.CoralRequests.ModerationResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a Commentguard verdict into Coral's phase answer. Coral's semantics (coralproject/talk):
 * <ul>
 *   <li>A phase that answers a {@code status} ends the pipeline ({@code mergePhaseResult} in
 *       {@code services/comments/pipeline/helpers.ts}); {@code external} runs last but one, before the global
 *       pre-moderation fallback {@code statusPreModerate} ({@code phases/index.ts}).</li>
 *   <li>{@code NONE} and {@code APPROVED} are visible to readers, {@code PREMOD} and {@code SYSTEM_WITHHELD} wait
 *       for a moderator ({@code PUBLISHED_STATUSES} / {@code MODERATOR_STATUSES} in
 *       {@code models/comment/constants.ts}). {@code APPROVED} is what a moderator's approval sets.</li>
 *   <li>Coral's own Perspective phase answers a toxic comment with {@code status: SYSTEM_WITHHELD} and a FLAG
 *       action {@code COMMENT_DETECTED_TOXIC} ({@code phases/toxic.ts}); pre-moderation phases answer
 *       {@code PREMOD}.</li>
 * </ul>
 * Hence: REJECTED → {@code REJECTED}; PENDING → {@code SYSTEM_WITHHELD} when something was detected in the text,
 * {@code PREMOD} when only a pre-moderation rule held it; both with FLAG actions for what was detected, so Coral's
 * queue shows why. PUBLISHED → no answer (204): Commentguard has no objection, the comment stays {@code NONE}
 * (unmoderated, visible) unless the newsroom's own pre-moderation setting in Coral holds it. Answering
 * {@code APPROVED} would pose as a moderator's approval and bypass that setting.
 */
final class CoralVerdicts {

    static final String FLAG = "FLAG";
    static final String TOXIC = "COMMENT_DETECTED_TOXIC";
    static final String SPAM = "COMMENT_DETECTED_SPAM";

    /** Score reasons that mean abusive language (Coral has one reason for all of them). */
    private static final Set<String> TOXIC_ATTRIBUTES =
            Set.of("toxicity", "severe_toxicity", "insult", "threat", "identity_attack", "obscene", "profanity");
    /** Rules that hold a comment for its author or the site's mode, not for anything in its text. */
    private static final Set<String> PREMODERATION =
            Set.of("policy.premoderate_all", "author.new", "author.premoderated");

    private CoralVerdicts() {}

    /** The answer for a stored comment's status and reasons; empty for "no objection" (204). */
    static Optional<ModerationResponse> answer(String status, List<String> reasons) {
        return switch (status) {
            case "PUBLISHED" -> Optional.empty();
            case "REJECTED" -> Optional.of(new ModerationResponse("REJECTED", flags(reasons)));
            case "PENDING" ->
                Optional.of(new ModerationResponse(
                        !reasons.isEmpty() && PREMODERATION.containsAll(reasons) ? "PREMOD" : "SYSTEM_WITHHELD",
                        flags(reasons)));
            default -> throw new IllegalArgumentException("unknown comment status " + status);
        };
    }

    static List<FlagAction> flags(List<String> reasons) {
        boolean toxic = false;
        boolean spam = false;
        for (String reason : reasons) {
            int dot = reason.indexOf('.');
            String attribute = dot < 0 ? reason : reason.substring(0, dot);
            String rule = dot < 0 ? "" : reason.substring(dot + 1);
            boolean scoreRule = rule.equals("review") || rule.equals("reject");
            toxic |= scoreRule && TOXIC_ATTRIBUTES.contains(attribute);
            spam |= scoreRule && attribute.equals("spam");
        }
        List<FlagAction> flags = new ArrayList<>(2);
        if (toxic) {
            flags.add(new FlagAction(FLAG, TOXIC));
        }
        if (spam) {
            flags.add(new FlagAction(FLAG, SPAM));
        }
        return flags;
    }
}

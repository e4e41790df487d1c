package org.commentguard.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.commentguard.author.SanctionAction;
import org.commentguard.policy.FailureAction;
import org.commentguard.policy.ModerationMode;
import org.commentguard.policy.PolicyAction;
import org.commentguard.review.ModeratorActions;
import org.commentguard.review.ReviewQueue;
import org.commentguard.scoring.Attributes;
import org.commentguard.site.Allow;
import org.commentguard.site.Role;
import org.commentguard.webhook.WebhookEvents;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The words the API accepts and answers with, read from the classes that define them, so that the console (or a
 * site's backend) offers exactly what the service takes instead of a copy that drifts. The same for every site.
 */
@Path("/api/v1/vocabulary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Console")
public class VocabularyResource {

    /**
     * The vocabularies, each in the order the service defines it.
     *
     * @param attributes            every attribute a score answer reports
     * @param thresholdAttributes   the attributes a site policy gives review/reject thresholds (off_topic has its
     *                              own threshold and action)
     * @param reasonCodes           every reason code a moderator decision may carry
     * @param approvalReasonCodes   the reason codes that say a comment is fine
     * @param escalationReasonCode  the reason code of an escalation
     * @param decisionActions       the actions of a queue decision
     * @param sanctionActions       what a moderator can do to an author
     * @param eventTypes            the webhook event types an endpoint can subscribe to
     * @param keyRoles              the roles of a site's API keys
     * @param moderationModes       a site policy's {@code mode}
     * @param policyActions         a site policy's actions ({@code offTopicAction}, {@code unsupportedLanguageAction})
     * @param failureActions        a site policy's {@code scorerFailureAction}
     * @param queueStatuses         the queue list's {@code status} filter
     * @param queueSorts            the queue list's {@code sort}
     */
    public record VocabularyView(
            List<String> attributes,
            List<String> thresholdAttributes,
            List<String> reasonCodes,
            List<String> approvalReasonCodes,
            String escalationReasonCode,
            List<String> decisionActions,
            List<String> sanctionActions,
            List<String> eventTypes,
            List<String> keyRoles,
            List<String> moderationModes,
            List<String> policyActions,
            List<String> failureActions,
            List<String> queueStatuses,
            List<String> queueSorts) {}

    private static final VocabularyView VOCABULARY = new VocabularyView(
            Attributes.ALL,
            Attributes.ALL.stream().filter(a -> !a.equals(Attributes.OFF_TOPIC)).toList(),
            ModeratorActions.REASON_CODES,
            ModeratorActions.APPROVAL_REASON_CODES,
            ModeratorActions.ESCALATION_REASON_CODE,
            lowerCase(ModeratorActions.Action.values()),
            lowerCase(SanctionAction.values()),
            WebhookEvents.ALL,
            lowerCase(Role.values()),
            names(ModerationMode.values()),
            names(PolicyAction.values()),
            names(FailureAction.values()),
            ReviewQueue.STATUSES,
            lowerCase(ReviewQueue.Sort.values()));

    @GET
    @Allow(value = {Role.INGEST, Role.MODERATOR, Role.ADMIN})
    @Operation(
            summary = "The service's vocabularies: attributes, reason codes, actions, event types, roles and "
                    + "policy values")
    public VocabularyView vocabulary() {
        return VOCABULARY;
    }

    /** Enum constants as the request bodies spell them (policy fields take the constant names). */
    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** Enum constants as the API's lower-case parameters and answers spell them ({@code approve}, {@code ban}). */
    private static List<String> lowerCase(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }
}

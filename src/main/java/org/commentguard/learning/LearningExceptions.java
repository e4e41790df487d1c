package org.commentguard.learning;

import org.commentguard.platform.failure.Conflict;
import org.commentguard.platform.failure.Failure;
import org.commentguard.platform.failure.Invalid;

import java.util.List;

/**
 * What can go wrong in learning from moderators, in domain terms. Each is a {@link Failure} with its stable code,
 * so the HTTP layer's one mapper answers it as problem+json.
 */
public final class LearningExceptions {

    private LearningExceptions() {}

    /** A field of a request is invalid: {@code validation_failed}. */
    public static class InvalidLearningInput extends Invalid {
        public InvalidLearningInput(String field, String problem) {
            super(field, problem);
        }
    }

    /** The site has too few decisions to fit a model: {@code not_enough_decisions}. */
    public static class NotEnoughDecisions extends Conflict {
        public final int decisions;
        public final int rejected;
        public final int approved;

        public NotEnoughDecisions(int decisions, int approved, int rejected, int needed, int perOutcome) {
            super(
                    "not_enough_decisions",
                    "A site model needs at least " + needed + " decisions with " + perOutcome
                            + " of each outcome; the site has " + decisions + " (" + approved + " approved, " + rejected
                            + " rejected)");
            this.decisions = decisions;
            this.rejected = rejected;
            this.approved = approved;
        }
    }

    /** No model of that version exists for the site: {@code unknown_site_model}. */
    public static class UnknownSiteModel extends Failure {
        public UnknownSiteModel(int version) {
            super(
                    Kind.NOT_FOUND,
                    "unknown_site_model",
                    "Not found",
                    "The site has no verdict model version " + version,
                    List.of());
        }
    }

    /** No sample item of that id exists for the site: {@code not_found}. */
    public static class SampleItemNotFound extends Failure {
        public SampleItemNotFound(Object id) {
            super(Kind.NOT_FOUND, "not_found", "Not found", "Sample item " + id + " not found", List.of());
        }
    }

    /** The sample item already has a decision: {@code already_decided}. */
    public static class SampleAlreadyDecided extends Conflict {
        public SampleAlreadyDecided(Object id) {
            super("already_decided", "Sample item " + id + " is already decided");
        }
    }

    /** Two changes to the same site's learning state raced; the caller may retry: {@code learning_changed}. */
    public static class ConcurrentLearningChange extends Conflict {
        public ConcurrentLearningChange(String what) {
            super("learning_changed", what);
        }
    }

    /**
     * An admin accepted model versions that are not the running ones (they changed since the admin read them, or the
     * request names others): {@code versions_changed}.
     */
    public static class VersionsChanged extends Conflict {
        public VersionsChanged() {
            super(
                    "versions_changed",
                    "The versions to accept are not the running model versions; read GET "
                            + "/api/v1/sites/{id}/models again and accept the versions it shows");
        }
    }
}

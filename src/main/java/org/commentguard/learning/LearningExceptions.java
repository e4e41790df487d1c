package org.commentguard.learning;

/** What can go wrong in learning from moderators, in domain terms; {@link LearningProblems} maps them to HTTP. */
public final class LearningExceptions {

    private LearningExceptions() {
    }

    /** A field of a request is invalid. */
    public static class InvalidLearningInput extends RuntimeException {
        public final String field;
        public final String problem;

        public InvalidLearningInput(String field, String problem) {
            super(field + ": " + problem);
            this.field = field;
            this.problem = problem;
        }
    }

    /** The site has too few decisions to fit a model. */
    public static class NotEnoughDecisions extends RuntimeException {
        public final int decisions;
        public final int rejected;
        public final int approved;

        public NotEnoughDecisions(int decisions, int approved, int rejected, int needed, int perOutcome) {
            super("A site model needs at least " + needed + " decisions with " + perOutcome + " of each outcome; the "
                    + "site has " + decisions + " (" + approved + " approved, " + rejected + " rejected)");
            this.decisions = decisions;
            this.rejected = rejected;
            this.approved = approved;
        }
    }

    /** No model of that version exists for the site. */
    public static class UnknownSiteModel extends RuntimeException {
        public UnknownSiteModel(int version) {
            super("The site has no verdict model version " + version);
        }
    }

    /** No sample item of that id exists for the site. */
    public static class SampleItemNotFound extends RuntimeException {
        public SampleItemNotFound(Object id) {
            super("Sample item " + id + " not found");
        }
    }

    /** The sample item already has a decision. */
    public static class SampleAlreadyDecided extends RuntimeException {
        public SampleAlreadyDecided(Object id) {
            super("Sample item " + id + " is already decided");
        }
    }

    /** Two changes to the same site's learning state raced; the caller may retry. */
    public static class ConcurrentLearningChange extends RuntimeException {
        public ConcurrentLearningChange(String what) {
            super(what);
        }
    }
}

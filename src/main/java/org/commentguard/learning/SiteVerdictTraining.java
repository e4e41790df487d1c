package org.commentguard.learning;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fits a site verdict model on one site's labelled examples and measures it on the site's held-out examples. Pure:
 * the caller passes in one site's examples, so nothing of another site can reach the fit.
 */
public final class SiteVerdictTraining {

    /** One labelled example as the fit sees it. {@code flagged}: the automatic verdict was not "publish". */
    public record Example(
            UUID commentId, Map<String, Double> scores, List<String> reasons, boolean rejected, boolean flagged) {}

    /**
     * Held-out figures at probability 0.5: {@code agreement} is the share of held-out decisions the model predicts,
     * {@code policyAgreement} the share the automatic verdict predicts (flagged = reject).
     */
    public record Metrics(
            int trained,
            int heldOut,
            int heldOutRejected,
            double precision,
            double recall,
            double agreement,
            double policyAgreement) {}

    public record Fitted(double[] weights, Metrics metrics) {}

    /** Every fifth comment (by a hash of its id) is held out; the hash keeps a comment on one side across fits. */
    static final int HOLD_OUT_EVERY = 5;

    private SiteVerdictTraining() {}

    public static boolean heldOut(UUID commentId) {
        ByteBuffer b = ByteBuffer.allocate(16)
                .putLong(commentId.getMostSignificantBits())
                .putLong(commentId.getLeastSignificantBits());
        long h = 1125899906842597L;
        for (byte x : b.array()) {
            h = 31 * h + x;
        }
        return Math.floorMod(h ^ (h >>> 29), HOLD_OUT_EVERY) == 0;
    }

    public static Fitted fit(List<Example> examples) {
        List<Example> train = new ArrayList<>();
        List<Example> test = new ArrayList<>();
        for (Example e : examples) {
            (heldOut(e.commentId()) ? test : train).add(e);
        }
        if (train.isEmpty()) {
            train = test;
        }
        double[][] x = new double[train.size()][];
        boolean[] y = new boolean[train.size()];
        for (int i = 0; i < train.size(); i++) {
            x[i] = VerdictFeatures.of(train.get(i).scores(), train.get(i).reasons());
            y[i] = train.get(i).rejected();
        }
        double[] w = LogisticFit.fit(x, y);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int agree = 0;
        int policyAgree = 0;
        int rejected = 0;
        for (Example e : test) {
            boolean predicted = LogisticFit.predict(w, VerdictFeatures.of(e.scores(), e.reasons())) >= 0.5;
            rejected += e.rejected() ? 1 : 0;
            tp += predicted && e.rejected() ? 1 : 0;
            fp += predicted && !e.rejected() ? 1 : 0;
            fn += !predicted && e.rejected() ? 1 : 0;
            agree += predicted == e.rejected() ? 1 : 0;
            policyAgree += e.flagged() == e.rejected() ? 1 : 0;
        }
        int n = test.size();
        return new Fitted(
                w,
                new Metrics(
                        train.size(),
                        n,
                        rejected,
                        ratio(tp, tp + fp),
                        ratio(tp, tp + fn),
                        ratio(agree, n),
                        ratio(policyAgree, n)));
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0.0 : (double) a / b;
    }
}

package org.commentguard.learning;

/** Wilson score intervals for a proportion: sensible for small samples and for rates near 0 or 1. */
public final class Wilson {

    /** z for a two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;

    /** An estimate with its interval; {@code null} estimate when nothing was observed. */
    public record Interval(Double estimate, double low, double high, long successes, long trials) {}

    private Wilson() {}

    public static Interval of(long successes, long trials) {
        if (trials <= 0) {
            return new Interval(null, 0.0, 1.0, 0, 0);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new Interval(p, Math.max(0.0, centre - half), Math.min(1.0, centre + half), successes, trials);
    }
}

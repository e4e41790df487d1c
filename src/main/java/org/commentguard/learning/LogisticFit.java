package org.commentguard.learning;

import java.util.Arrays;

/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares). With a few
 * dozen features the Hessian is tiny, so each step costs one pass over the rows and converges in a handful of
 * iterations; the result is deterministic, unlike stochastic gradient descent.
 */
public final class LogisticFit {

    /** Ridge penalty on the weights (not the intercept): keeps rare reason flags from getting huge weights. */
    static final double LAMBDA = 1.0;

    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-8;

    private LogisticFit() {}

    /**
     * Fits {@code p(y=1|x) = sigmoid(w·x + b)}.
     *
     * @return the weights followed by the intercept (length {@code x[0].length + 1})
     */
    public static double[] fit(double[][] x, boolean[] y) {
        return fit(x, y, LAMBDA);
    }

    /**
     * {@link #fit(double[][], boolean[])} with another ridge penalty.
     *
     * @param lambda the penalty on the weights, not the intercept (&gt; 0)
     */
    public static double[] fit(double[][] x, boolean[] y, double lambda) {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("lambda must be > 0");
        }
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("need as many labels as rows, and at least one row");
        }
        int d = x[0].length + 1;
        double[] w = new double[d];
        double[] gradient = new double[d];
        double[][] hessian = new double[d][d];
        double[] row = new double[d];
        row[d - 1] = 1.0;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            Arrays.fill(gradient, 0.0);
            for (double[] h : hessian) {
                Arrays.fill(h, 0.0);
            }
            for (int n = 0; n < x.length; n++) {
                System.arraycopy(x[n], 0, row, 0, d - 1);
                double p = sigmoid(dot(w, row));
                double residual = (y[n] ? 1.0 : 0.0) - p;
                double weight = Math.max(p * (1 - p), 1e-10);
                for (int i = 0; i < d; i++) {
                    gradient[i] += residual * row[i];
                    double wi = weight * row[i];
                    if (wi != 0.0) {
                        for (int j = 0; j <= i; j++) {
                            hessian[i][j] += wi * row[j];
                        }
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    hessian[j][i] = hessian[i][j];
                }
                if (i < d - 1) {
                    gradient[i] -= lambda * w[i];
                    hessian[i][i] += lambda;
                } else {
                    hessian[i][i] += 1e-9;
                }
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int i = 0; i < d; i++) {
                w[i] += step[i];
                change = Math.max(change, Math.abs(step[i]));
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        return w;
    }

    /** The model's probability for one row, with {@code w} as {@link #fit} returns it. */
    public static double predict(double[] w, double[] x) {
        double z = w[w.length - 1];
        for (int i = 0; i < x.length; i++) {
            z += w[i] * x[i];
        }
        return sigmoid(z);
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Solves the symmetric positive definite system {@code a·x = b} by Cholesky decomposition. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    l[i][i] = Math.sqrt(Math.max(s, 1e-12));
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}

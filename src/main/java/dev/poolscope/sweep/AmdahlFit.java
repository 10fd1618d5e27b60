package dev.poolscope.sweep;

import java.util.List;

/**
 * Amdahl's law fitted to a pool sweep: T(p) = T1 (s + (1 - s) / p), where s is the serial
 * fraction. Written as T(p) = a + b / p it is a straight line in 1/p, so ordinary least squares
 * over the median makespans gives a and b; then T1 = a + b and s = a / (a + b). Neither part may
 * be negative (a negative serial time means nothing); when one comes out so, it is fixed at 0 and
 * the other fitted alone.
 *
 * @param rmsMs root-mean-square distance of the medians from the curve: how well the law fits
 */
public record AmdahlFit(double t1Ms, double serialFraction, double rmsMs) {

    /** The fitted makespan at {@code pool} workers. */
    public double makespanAt(double pool) {
        return t1Ms * (serialFraction + (1 - serialFraction) / pool);
    }

    /** Fits the law to (pool, makespan) pairs; null with fewer than two different pool sizes. */
    public static AmdahlFit of(List<double[]> poolAndMs) {
        int n = poolAndMs.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] pt : poolAndMs) {
            double x = 1 / pt[0];
            sx += x;
            sy += pt[1];
            sxx += x * x;
            sxy += x * pt[1];
        }
        double spread = n * sxx - sx * sx;
        if (n < 2 || spread <= 1e-12) {
            return null;
        }
        double b = (n * sxy - sx * sy) / spread;
        double a = (sy - b * sx) / n;
        if (a < 0) {
            a = 0;
            b = sxy / sxx;
        } else if (b < 0) {
            b = 0;
            a = sy / n;
        }
        double t1 = a + b;
        double s = t1 > 0 ? a / t1 : 0;
        double squares = 0;
        for (double[] pt : poolAndMs) {
            double d = a + b / pt[0] - pt[1];
            squares += d * d;
        }
        return new AmdahlFit(t1, s, Math.sqrt(squares / n));
    }
}

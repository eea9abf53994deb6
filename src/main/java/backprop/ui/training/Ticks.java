package backprop.ui.training;

import java.util.ArrayList;
import java.util.List;

/** Where the loss chart puts its tick marks: round numbers a class can read at a glance. */
final class Ticks {
    private Ticks() {
    }

    /** About {@code count} ticks at 1, 2 or 5 × 10^k steps within [min, max]; whole numbers only if asked. */
    static List<Double> linear(double min, double max, int count, boolean whole) {
        List<Double> out = new ArrayList<>();
        if (!(max > min) || count < 1) {
            return out;
        }
        double step = niceStep((max - min) / count);
        if (whole) {
            step = Math.max(1, Math.rint(step));
        }
        double first = Math.ceil(min / step) * step;
        for (int k = 0; k <= count * 3; k++) {
            double v = first + k * step;
            if (v > max + step * 1e-9) {
                break;
            }
            // 0.3, not 3 × 0.1 = 0.30000000000000004: divide by the whole number 1/step
            double k2 = Math.rint(v / step);
            double rounded = step < 1 ? k2 / Math.rint(1 / step) : k2 * step;
            out.add(Math.abs(rounded) < step * 1e-9 ? 0.0 : rounded);
        }
        return out;
    }

    /** 1, 2 or 5 times a power of ten, the nearest to {@code raw}. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        double m = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        return m * p;
    }

    /**
     * Ticks for a log axis whose range is [10^lo, 10^hi]: powers of ten when the range spans decades,
     * else 1, 2, 5 × 10^k, else round numbers (a curve that barely moves).
     */
    static List<Double> log(double lo, double hi, int count) {
        List<Double> out = new ArrayList<>();
        if (!(hi > lo)) {
            return out;
        }
        int first = (int) Math.ceil(lo - 1e-9);
        int last = (int) Math.floor(hi + 1e-9);
        if (last - first >= 1) {
            int step = Math.max(1, (int) Math.ceil((last - first + 1) / (double) count));
            for (int k = first; k <= last; k += step) {
                out.add(Math.pow(10, k));
            }
            return out;
        }
        double min = Math.pow(10, lo);
        double max = Math.pow(10, hi);
        for (int k = first - 1; k <= last + 1; k++) {
            for (double m : new double[] {1, 2, 5}) {
                double v = m * Math.pow(10, k);
                if (v >= min && v <= max) {
                    out.add(v);
                }
            }
        }
        if (out.size() >= 2) {
            return out;
        }
        out.clear();
        for (double v : linear(min, max, count, false)) {
            if (v > 0) {
                out.add(v);
            }
        }
        return out;
    }

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** 10⁻³ for a power of ten, as a log axis reads; other numbers as usual. */
    static String powerOfTen(double v) {
        double e = Math.log10(v);
        long k = Math.round(e);
        if (v <= 0 || Math.abs(e - k) > 1e-9) {
            return backprop.ui.text.Numbers.format(v, 3);
        }
        if (k >= -2 && k <= 2) {
            return backprop.ui.text.Numbers.format(v); // 0.01 … 100 read better as they are
        }
        StringBuilder sb = new StringBuilder("10");
        if (k < 0) {
            sb.append('⁻');
        }
        for (char c : Long.toString(Math.abs(k)).toCharArray()) {
            sb.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return sb.toString();
    }
}

package backprop.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * How a param moves given its gradient. Optimizers are pure: the memory they keep between
 * iterations (velocity, running averages) is passed in and returned as a {@link Slot}, and lives in
 * the {@link ModelState}, so an earlier iteration can be restored exactly.
 */
public sealed interface Optimizer {

    /**
     * The update rule in place, on the first {@code n} elements: w and the rule's memory arrays
     * (zeros before the first update; null beyond {@link #memoryArrays()}) take one step given the
     * gradient g; t counts the updates of this param, this one included. The kernel both executors
     * share: {@link #update} calls it on copies.
     */
    void step(double[] w, double[] g, double[] first, double[] second, int t, int n);

    /** How many arrays of memory per param the rule keeps (velocity, running averages): 0, 1 or 2. */
    int memoryArrays();

    /** The new value of a param and its new optimizer memory; w, g and slot are not changed. */
    default Update update(Tensor w, Tensor g, Slot slot) {
        double[] out = w.toArray();
        double[] first = memoryArrays() > 0 ? memory(slot.first(), w) : null;
        double[] second = memoryArrays() > 1 ? memory(slot.second(), w) : null;
        int t = slot.t() + 1;
        step(out, g.matrix().data, first, second, t, out.length);
        return new Update(shaped(out, w), new Slot(first == null ? null : shaped(first, w),
                second == null ? null : shaped(second, w), t));
    }

    /** The command-line name ("sgd", "rmsprop"). */
    String name();

    /** The optimizer's name as a reader writes it ("RMSprop"). */
    String title();

    /** The rule's settings, learning rate first. */
    java.util.List<Setting> settings();

    /** The optimizer with its settings, for a chart legend ("RMSprop lr=0.1 β=0.999 ε=0.01"). */
    default String describe() {
        StringBuilder b = new StringBuilder(title());
        for (Setting s : settings()) {
            b.append(' ').append(s.label()).append('=').append(fmt(s.value()));
        }
        return b.toString();
    }

    /** The update rule in LaTeX. */
    String ruleTex();

    double learningRate();

    /** Optimizer memory of one param: up to two tensors and the number of updates so far. */
    record Slot(Tensor first, Tensor second, int t) {
        public static final Slot EMPTY = new Slot(null, null, 0);
    }

    record Update(Tensor value, Slot slot) {
    }

    /** One setting: as a legend writes it ("lr", "β₁"), as the rule's LaTeX does ("\\eta", "\\beta_1"), its value. */
    record Setting(String label, String tex, double value) {
        static Setting learningRate(double value) {
            return new Setting("lr", "\\eta", value);
        }
    }

    /** w ← w − η g */
    record Sgd(double learningRate) implements Optimizer {
        public void step(double[] w, double[] g, double[] first, double[] second, int t, int n) {
            for (int k = 0; k < n; k++) {
                w[k] = w[k] - learningRate * g[k];
            }
        }

        public int memoryArrays() { return 0; }

        public String name() { return "sgd"; }
        public String title() { return "SGD"; }
        public java.util.List<Setting> settings() { return java.util.List.of(Setting.learningRate(learningRate)); }
        public String ruleTex() { return "w \\leftarrow w - \\eta\\, g"; }
    }

    /** v ← μv − ηg; w ← w + v */
    record Momentum(double learningRate, double momentum) implements Optimizer {
        public void step(double[] w, double[] g, double[] v, double[] second, int t, int n) {
            for (int k = 0; k < n; k++) {
                v[k] = momentum * v[k] - learningRate * g[k];
                w[k] = w[k] + v[k];
            }
        }

        public int memoryArrays() { return 1; }

        public String name() { return "momentum"; }
        public String title() { return "Momentum"; }
        public java.util.List<Setting> settings() {
            return java.util.List.of(Setting.learningRate(learningRate), new Setting("μ", "\\mu", momentum));
        }
        public String ruleTex() { return "v \\leftarrow \\mu v - \\eta g, \\quad w \\leftarrow w + v"; }
    }

    /** Nesterov's momentum in the form of Saito's DLFS: v ← μv − ηg; w ← w + μ²v − (1+μ)ηg */
    record Nesterov(double learningRate, double momentum) implements Optimizer {
        public void step(double[] w, double[] g, double[] v, double[] second, int t, int n) {
            for (int k = 0; k < n; k++) {
                v[k] = momentum * v[k] - learningRate * g[k];
                w[k] = w[k] + momentum * momentum * v[k] - (1 + momentum) * learningRate * g[k];
            }
        }

        public int memoryArrays() { return 1; }

        public String name() { return "nesterov"; }
        public String title() { return "Nesterov"; }
        public java.util.List<Setting> settings() {
            return java.util.List.of(Setting.learningRate(learningRate), new Setting("μ", "\\mu", momentum));
        }
        public String ruleTex() {
            return "v \\leftarrow \\mu v - \\eta g, \\quad w \\leftarrow w + \\mu^2 v - (1+\\mu)\\eta g";
        }
    }

    /** h ← h + g²; w ← w − η g / (√h + ε) */
    record AdaGrad(double learningRate, double eps) implements Optimizer {
        public void step(double[] w, double[] g, double[] h, double[] second, int t, int n) {
            for (int k = 0; k < n; k++) {
                double gk = g[k];
                h[k] += gk * gk;
                w[k] = w[k] - learningRate / (Math.sqrt(h[k]) + eps) * gk;
            }
        }

        public int memoryArrays() { return 1; }

        public String name() { return "adagrad"; }
        public String title() { return "AdaGrad"; }
        public java.util.List<Setting> settings() {
            return java.util.List.of(Setting.learningRate(learningRate), new Setting("ε", "\\epsilon", eps));
        }
        public String ruleTex() { return "h \\leftarrow h + g^2, \\quad w \\leftarrow w - \\frac{\\eta}{\\sqrt{h} + \\epsilon} g"; }
    }

    /** s ← βs + (1−β)g²; w ← w − η g / (√s + ε), written as in seed 000 */
    record RmsProp(double learningRate, double beta, double eps) implements Optimizer {
        public void step(double[] w, double[] g, double[] s, double[] second, int t, int n) {
            for (int k = 0; k < n; k++) {
                double gk = g[k];
                s[k] = beta * s[k] + (1 - beta) * (gk * gk);
                w[k] = w[k] - learningRate / (Math.sqrt(s[k]) + eps) * gk;
            }
        }

        public int memoryArrays() { return 1; }

        public String name() { return "rmsprop"; }
        public String title() { return "RMSprop"; }
        public java.util.List<Setting> settings() {
            return java.util.List.of(Setting.learningRate(learningRate), new Setting("β", "\\beta", beta),
                    new Setting("ε", "\\epsilon", eps));
        }
        public String ruleTex() {
            return "s \\leftarrow \\beta s + (1-\\beta) g^2, \\quad w \\leftarrow w - \\frac{\\eta}{\\sqrt{s} + \\epsilon} g";
        }
    }

    /** Adam (Kingma and Ba) with bias correction of both moments. */
    record Adam(double learningRate, double beta1, double beta2, double eps) implements Optimizer {
        public void step(double[] w, double[] g, double[] m, double[] v, int t, int n) {
            double c1 = 1 - Math.pow(beta1, t);
            double c2 = 1 - Math.pow(beta2, t);
            for (int k = 0; k < n; k++) {
                double gk = g[k];
                m[k] = beta1 * m[k] + (1 - beta1) * gk;
                v[k] = beta2 * v[k] + (1 - beta2) * gk * gk;
                w[k] = w[k] - learningRate * (m[k] / c1) / (Math.sqrt(v[k] / c2) + eps);
            }
        }

        public int memoryArrays() { return 2; }

        public String name() { return "adam"; }
        public String title() { return "Adam"; }
        public java.util.List<Setting> settings() {
            return java.util.List.of(Setting.learningRate(learningRate), new Setting("β₁", "\\beta_1", beta1),
                    new Setting("β₂", "\\beta_2", beta2), new Setting("ε", "\\epsilon", eps));
        }
        public String ruleTex() {
            return "m \\leftarrow \\beta_1 m + (1-\\beta_1) g, \\quad v \\leftarrow \\beta_2 v + (1-\\beta_2) g^2, \\quad "
                    + "w \\leftarrow w - \\eta \\frac{\\hat m}{\\sqrt{\\hat v} + \\epsilon}";
        }
    }

    /** A fresh copy of a memory tensor of param w, zeros before the first update (both executors start here). */
    static double[] memory(Tensor kept, Tensor w) {
        return kept == null ? new double[w.size()] : kept.toArray();
    }

    private static Tensor shaped(double[] data, Tensor like) {
        return Tensor.wrap(DMatrixRMaj.wrap(like.rows(), like.cols(), data));
    }

    static String fmt(double v) {
        return GraphBuilder.formatConstant(v);
    }
}

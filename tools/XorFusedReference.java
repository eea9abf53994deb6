// Seed 003's XOR training (2-3-1, sigmoid hidden, linear output, SGD lr 0.1, 50,000 epochs) written by
// hand as one loop over plain arrays: the floor for any JVM code on this machine, cold.
// Run: java tools/XorFusedReference.java   (prints the milliseconds of the training loop)
public class XorFusedReference {
    public static void main(String[] args) {
        double[] x = {0, 0, 0, 1, 1, 0, 1, 1};
        double[] t = {0, 1, 1, 0};
        java.util.Random r = new java.util.Random(3);
        double[] w1 = new double[6];
        double[] w2 = new double[3];
        for (int i = 0; i < 6; i++) {
            w1[i] = r.nextDouble() * 2 - 1;
        }
        for (int i = 0; i < 3; i++) {
            w2[i] = r.nextDouble() * 2 - 1;
        }
        double[] h = new double[12];
        double[] dOut = new double[4];
        double[] dH = new double[12];
        double[] g1 = new double[6];
        double[] g2 = new double[3];
        double[] losses = new double[50_000];
        long t0 = System.nanoTime();
        for (int epoch = 0; epoch < 50_000; epoch++) {
            double loss = 0;
            for (int n = 0; n < 4; n++) {
                double out = 0;
                for (int j = 0; j < 3; j++) {
                    double z = x[2 * n] * w1[j] + x[2 * n + 1] * w1[3 + j];
                    h[3 * n + j] = 1 / (1 + Math.exp(-z));
                    out += h[3 * n + j] * w2[j];
                }
                double e = out - t[n];
                loss += e * e;
                dOut[n] = e;
            }
            losses[epoch] = 0.5 * loss;
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int n = 0; n < 4; n++) {
                    s += h[3 * n + j] * dOut[n];
                }
                g2[j] = s;
            }
            for (int n = 0; n < 4; n++) {
                for (int j = 0; j < 3; j++) {
                    double hv = h[3 * n + j];
                    dH[3 * n + j] = dOut[n] * w2[j] * hv * (1 - hv);
                }
            }
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    double s = 0;
                    for (int n = 0; n < 4; n++) {
                        s += x[2 * n + i] * dH[3 * n + j];
                    }
                    g1[3 * i + j] = s;
                }
            }
            for (int k = 0; k < 6; k++) {
                w1[k] -= 0.1 * g1[k];
            }
            for (int k = 0; k < 3; k++) {
                w2[k] -= 0.1 * g2[k];
            }
        }
        System.out.printf(java.util.Locale.ROOT, "%.1f%n", (System.nanoTime() - t0) / 1e6);
    }
}

package backprop.engine.op;

import backprop.engine.Tensor;
import org.ejml.data.DMatrixRMaj;

/**
 * L = −(1/N) Σₙ Σₖ tₙₖ log softmax(aₙ)ₖ, the batch mean of the cross-entropy of softmax scores a (N×K)
 * against targets t (N×K, one-hot rows). ∂L/∂a = (softmax(a) − t)/N.
 * The log-softmax is computed as a − max − log Σ exp(a − max), so large scores do not overflow.
 */
public record SoftmaxCrossEntropy() implements Op {
    public static final SoftmaxCrossEntropy INSTANCE = new SoftmaxCrossEntropy();

    @Override
    public String opName() {
        return "softmax-ce";
    }

    @Override
    public String symbol() {
        return "Softmax + CE";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public String forwardTex() {
        return "-\\frac{1}{N}\\sum #1 \\log \\operatorname{softmax}(#0)";
    }

    @Override
    public String localDerivativeTex(int i) {
        return i == 0 ? "\\frac{\\operatorname{softmax}(#0) - #1}{N}" : "-\\frac{\\log \\operatorname{softmax}(#0)}{N}";
    }

    @Override
    public int[] outputShape(Tensor[] inputs) {
        return Op.scalarOfSameShapes(this, inputs);
    }

    @Override
    public void forwardInto(DMatrixRMaj[] in, DMatrixRMaj out) {
        // log p = a − (max + log Σ exp(a − max)), row by row, as logSoftmax computes it, without a buffer:
        // the trainer calls this every pass
        DMatrixRMaj a = in[0];
        double[] t = in[1].data;
        double sum = 0;
        for (int r = 0; r < a.numRows; r++) {
            int base = r * a.numCols;
            double max = rowMax(a, base);
            double logSum = max + Math.log(rowExpSum(a, base, max));
            for (int k = base; k < base + a.numCols; k++) {
                if (t[k] != 0) { // 0·log p is 0 even where p underflows
                    sum -= t[k] * (a.data[k] - logSum);
                }
            }
        }
        out.data[0] = sum / a.numRows;
    }

    /**
     * The softmax here is exp(a − max) / Σ exp(a − max), not exp of the log-softmax: equal scores then
     * give exactly 1/K each, so a symmetric net (seed 002's constant weights) gets gradients that
     * cancel exactly (∂L/∂h = 0), as by hand; exp(log p) gave 0.5000000000000001 and 3·10⁻¹⁷ instead.
     * No allocation: the trainer calls this every pass.
     */
    @Override
    public void backwardInto(int i, DMatrixRMaj[] in, DMatrixRMaj out, DMatrixRMaj upstreamGrad, DMatrixRMaj grad) {
        DMatrixRMaj a = in[0];
        double scale = upstreamGrad.data[0] / a.numRows;
        double[] t = in[1].data;
        double[] g = grad.data;
        for (int r = 0; r < a.numRows; r++) {
            int base = r * a.numCols;
            double max = rowMax(a, base);
            double sum = rowExpSum(a, base, max);
            double logSum = max + Math.log(sum);
            for (int k = base; k < base + a.numCols; k++) {
                g[k] = i == 0 ? (Math.exp(a.data[k] - max) / sum - t[k]) * scale : -(a.data[k] - logSum) * scale;
            }
        }
    }

    /** Row-wise log-softmax. */
    public static DMatrixRMaj logSoftmax(Tensor scores) {
        return logSoftmax(scores.matrix(), new DMatrixRMaj(scores.rows(), scores.cols()));
    }

    /** Row-wise log-softmax of a into out (same shape); returns out. */
    static DMatrixRMaj logSoftmax(DMatrixRMaj a, DMatrixRMaj out) {
        for (int r = 0; r < a.numRows; r++) {
            int base = r * a.numCols;
            double max = rowMax(a, base);
            double logSum = max + Math.log(rowExpSum(a, base, max));
            for (int c = 0; c < a.numCols; c++) {
                out.data[base + c] = a.data[base + c] - logSum;
            }
        }
        return out;
    }

    private static double rowMax(DMatrixRMaj a, int base) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < a.numCols; c++) {
            max = Math.max(max, a.data[base + c]);
        }
        return max;
    }

    private static double rowExpSum(DMatrixRMaj a, int base, double max) {
        double sum = 0;
        for (int c = 0; c < a.numCols; c++) {
            sum += Math.exp(a.data[base + c] - max);
        }
        return sum;
    }
}

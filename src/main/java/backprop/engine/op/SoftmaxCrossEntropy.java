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
    public Tensor forward(Tensor[] inputs) {
        Op.requireArity(this, inputs);
        Op.requireSameShape(this, inputs[0], inputs[1]);
        DMatrixRMaj logp = logSoftmax(inputs[0]);
        DMatrixRMaj t = inputs[1].matrix();
        double sum = 0;
        for (int k = 0, n = logp.getNumElements(); k < n; k++) {
            if (t.data[k] != 0) { // 0·log p is 0 even where p underflows
                sum -= t.data[k] * logp.data[k];
            }
        }
        return Tensor.scalar(sum / inputs[0].rows());
    }

    @Override
    public InputGradient backward(int i, Tensor[] inputs, Tensor output, Tensor upstreamGrad) {
        double scale = upstreamGrad.scalar() / inputs[0].rows();
        DMatrixRMaj logp = logSoftmax(inputs[0]);
        DMatrixRMaj t = inputs[1].matrix();
        DMatrixRMaj g = new DMatrixRMaj(logp.numRows, logp.numCols);
        for (int k = 0, n = g.getNumElements(); k < n; k++) {
            g.data[k] = i == 0 ? (Math.exp(logp.data[k]) - t.data[k]) * scale : -logp.data[k] * scale;
        }
        return new InputGradient(Tensor.wrap(g), null);
    }

    /** Row-wise log-softmax. */
    public static DMatrixRMaj logSoftmax(Tensor scores) {
        DMatrixRMaj a = scores.matrix();
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols);
        for (int r = 0; r < a.numRows; r++) {
            int base = r * a.numCols;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < a.numCols; c++) {
                max = Math.max(max, a.data[base + c]);
            }
            double sum = 0;
            for (int c = 0; c < a.numCols; c++) {
                sum += Math.exp(a.data[base + c] - max);
            }
            double logSum = max + Math.log(sum);
            for (int c = 0; c < a.numCols; c++) {
                out.data[base + c] = a.data[base + c] - logSum;
            }
        }
        return out;
    }
}

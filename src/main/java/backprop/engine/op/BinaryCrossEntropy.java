package backprop.engine.op;

import backprop.engine.Tensor;
import org.ejml.data.DMatrixRMaj;

/**
 * L = −(1/N) Σ [t log y + (1 − t) log(1 − y)] for probabilities y and targets t of the same shape
 * (N rows): the loss of logistic regression. ∂L/∂y = (y − t) / (y(1 − y)) / N.
 */
public record BinaryCrossEntropy() implements Op {
    public static final BinaryCrossEntropy INSTANCE = new BinaryCrossEntropy();

    @Override
    public String opName() {
        return "bce";
    }

    @Override
    public String symbol() {
        return "BCE";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public String forwardTex() {
        return "-\\frac{1}{N}\\sum \\left[#1 \\log #0 + (1 - #1)\\log(1 - #0)\\right]";
    }

    @Override
    public String localDerivativeTex(int i) {
        return i == 0 ? "\\frac{#0 - #1}{N\\,#0(1 - #0)}" : "-\\frac{1}{N}\\log\\frac{#0}{1 - #0}";
    }

    @Override
    public int[] outputShape(Tensor[] inputs) {
        return Op.scalarOfSameShapes(this, inputs);
    }

    @Override
    public void forwardInto(DMatrixRMaj[] in, DMatrixRMaj out) {
        double[] y = in[0].data;
        double[] t = in[1].data;
        double sum = 0;
        for (int k = 0, n = in[0].getNumElements(); k < n; k++) {
            sum -= t[k] * Math.log(y[k]) + (1 - t[k]) * Math.log(1 - y[k]);
        }
        out.data[0] = sum / in[0].numRows;
    }

    @Override
    public void backwardInto(int i, DMatrixRMaj[] in, DMatrixRMaj out, DMatrixRMaj upstreamGrad, DMatrixRMaj grad) {
        double scale = upstreamGrad.data[0] / in[0].numRows;
        double[] y = in[0].data;
        double[] t = in[1].data;
        double[] g = grad.data;
        for (int k = 0, n = grad.getNumElements(); k < n; k++) {
            double p = y[k];
            g[k] = i == 0
                    ? (p - t[k]) / (p * (1 - p)) * scale
                    : -(Math.log(p) - Math.log(1 - p)) * scale;
        }
    }
}

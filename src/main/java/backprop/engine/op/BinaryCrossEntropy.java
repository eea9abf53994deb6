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
    public Tensor forward(Tensor[] inputs) {
        Op.requireArity(this, inputs);
        Op.requireSameShape(this, inputs[0], inputs[1]);
        DMatrixRMaj y = inputs[0].matrix();
        DMatrixRMaj t = inputs[1].matrix();
        double sum = 0;
        for (int k = 0, n = y.getNumElements(); k < n; k++) {
            sum -= t.data[k] * Math.log(y.data[k]) + (1 - t.data[k]) * Math.log(1 - y.data[k]);
        }
        return Tensor.scalar(sum / inputs[0].rows());
    }

    @Override
    public InputGradient backward(int i, Tensor[] inputs, Tensor output, Tensor upstreamGrad) {
        double scale = upstreamGrad.scalar() / inputs[0].rows();
        DMatrixRMaj y = inputs[0].matrix();
        DMatrixRMaj t = inputs[1].matrix();
        DMatrixRMaj g = new DMatrixRMaj(y.numRows, y.numCols);
        for (int k = 0, n = g.getNumElements(); k < n; k++) {
            double p = y.data[k];
            g.data[k] = i == 0
                    ? (p - t.data[k]) / (p * (1 - p)) * scale
                    : -(Math.log(p) - Math.log(1 - p)) * scale;
        }
        return new InputGradient(Tensor.wrap(g), null);
    }
}

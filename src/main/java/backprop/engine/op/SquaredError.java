package backprop.engine.op;

import backprop.engine.Tensor;
import org.ejml.data.DMatrixRMaj;

/**
 * E = ½ Σ (y − t)², summed over every element (seed 000's E = ½(y − t)², seed 003's sum over the
 * four XOR points). ∂E/∂y = y − t, ∂E/∂t = −(y − t).
 */
public record SquaredError() implements Op {
    public static final SquaredError INSTANCE = new SquaredError();

    @Override
    public String opName() {
        return "mse";
    }

    @Override
    public String symbol() {
        return "½Σ(y−t)²";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public String forwardTex() {
        return "\\tfrac{1}{2}\\sum (#0 - #1)^2";
    }

    @Override
    public String localDerivativeTex(int i) {
        return i == 0 ? "#0 - #1" : "-(#0 - #1)";
    }

    @Override
    public Tensor forward(Tensor[] inputs) {
        Op.requireArity(this, inputs);
        Op.requireSameShape(this, inputs[0], inputs[1]);
        DMatrixRMaj y = inputs[0].matrix();
        DMatrixRMaj t = inputs[1].matrix();
        double sum = 0;
        for (int k = 0, n = y.getNumElements(); k < n; k++) {
            double e = y.data[k] - t.data[k];
            sum += e * e;
        }
        return Tensor.scalar(0.5 * sum);
    }

    @Override
    public InputGradient backward(int i, Tensor[] inputs, Tensor output, Tensor upstreamGrad) {
        double up = upstreamGrad.scalar();
        DMatrixRMaj y = inputs[0].matrix();
        DMatrixRMaj t = inputs[1].matrix();
        DMatrixRMaj local = new DMatrixRMaj(y.numRows, y.numCols);
        DMatrixRMaj g = new DMatrixRMaj(y.numRows, y.numCols);
        for (int k = 0, n = g.getNumElements(); k < n; k++) {
            double e = y.data[k] - t.data[k];
            local.data[k] = i == 0 ? e : -e;
            g.data[k] = up * local.data[k];
        }
        return new InputGradient(Tensor.wrap(g), Tensor.wrap(local));
    }
}

package backprop.engine.op;

import backprop.engine.Tensor;
import org.ejml.data.DMatrixRMaj;

/** R = λ/2 · Σ w², the L2 penalty added to a loss; ∂R/∂w = λw. λ is a hyperparameter, not an input. */
public record WeightDecay(double lambda) implements Op {

    @Override
    public String opName() {
        return "weight-decay";
    }

    @Override
    public String symbol() {
        return "λ/2·Σw²";
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public String forwardTex() {
        return "\\frac{\\lambda}{2}\\sum {#0}^2";
    }

    @Override
    public String localDerivativeTex(int i) {
        return "\\lambda #0";
    }

    @Override
    public Tensor forward(Tensor[] inputs) {
        Op.requireArity(this, inputs);
        DMatrixRMaj w = inputs[0].matrix();
        double sum = 0;
        for (int k = 0, n = w.getNumElements(); k < n; k++) {
            sum += w.data[k] * w.data[k];
        }
        return Tensor.scalar(lambda / 2 * sum);
    }

    @Override
    public InputGradient backward(int i, Tensor[] inputs, Tensor output, Tensor upstreamGrad) {
        double up = upstreamGrad.scalar();
        DMatrixRMaj w = inputs[0].matrix();
        DMatrixRMaj local = new DMatrixRMaj(w.numRows, w.numCols);
        DMatrixRMaj g = new DMatrixRMaj(w.numRows, w.numCols);
        for (int k = 0, n = g.getNumElements(); k < n; k++) {
            local.data[k] = lambda * w.data[k];
            g.data[k] = up * local.data[k];
        }
        return new InputGradient(Tensor.wrap(g), Tensor.wrap(local));
    }
}

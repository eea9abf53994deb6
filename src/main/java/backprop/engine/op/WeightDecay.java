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
    public int[] outputShape(Tensor[] inputs) {
        return new int[] {1, 1};
    }

    @Override
    public void forwardInto(DMatrixRMaj[] in, DMatrixRMaj out) {
        double[] w = in[0].data;
        double sum = 0;
        for (int k = 0, n = in[0].getNumElements(); k < n; k++) {
            sum += w[k] * w[k];
        }
        out.data[0] = lambda / 2 * sum;
    }

    @Override
    public void backwardInto(int i, DMatrixRMaj[] in, DMatrixRMaj out, DMatrixRMaj upstreamGrad, DMatrixRMaj grad) {
        double up = upstreamGrad.data[0];
        double[] w = in[0].data;
        double[] g = grad.data;
        for (int k = 0, n = grad.getNumElements(); k < n; k++) {
            g[k] = up * (lambda * w[k]);
        }
    }

    @Override
    public Tensor localDerivative(int i, Tensor[] inputs, Tensor output) {
        double[] w = inputs[0].matrix().data;
        DMatrixRMaj local = new DMatrixRMaj(inputs[0].rows(), inputs[0].cols());
        for (int k = 0, n = local.getNumElements(); k < n; k++) {
            local.data[k] = lambda * w[k];
        }
        return Tensor.wrap(local);
    }
}

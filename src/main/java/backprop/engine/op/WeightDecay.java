package backprop.engine.op;

import backprop.engine.Tensor;
import org.ejml.data.DMatrixRMaj;

/**
 * R = λ/2 · (Σ w₁² + Σ w₂² + …), the L2 penalty on the weights added to a loss, one operand per weight
 * matrix; ∂R/∂wᵢ = λwᵢ. λ is a hyperparameter, not an input. One node for every weight, so the chain
 * rule reads "decay" and each weight's share through it, not a chain of partial sums.
 */
public record WeightDecay(double lambda, int arity) implements Op {

    public WeightDecay {
        if (arity < 1) {
            throw new IllegalArgumentException("weight decay needs at least one weight, got " + arity);
        }
    }

    @Override
    public String opName() {
        return "weight-decay";
    }

    @Override
    public String symbol() {
        return "λ/2·Σw²";
    }

    @Override
    public String forwardTex() {
        StringBuilder sum = new StringBuilder();
        for (int i = 0; i < arity; i++) {
            sum.append(i == 0 ? "" : " + ").append("\\sum {#").append(i).append("}^2");
        }
        return arity == 1 ? "\\frac{\\lambda}{2}" + sum : "\\frac{\\lambda}{2}\\left(" + sum + "\\right)";
    }

    @Override
    public String localDerivativeTex(int i) {
        return "\\lambda #" + i;
    }

    @Override
    public int[] outputShape(Tensor[] inputs) {
        return new int[] {1, 1};
    }

    @Override
    public void forwardInto(DMatrixRMaj[] in, DMatrixRMaj out) {
        double sum = 0;
        for (DMatrixRMaj m : in) {
            double[] w = m.data;
            for (int k = 0, n = m.getNumElements(); k < n; k++) {
                sum += w[k] * w[k];
            }
        }
        out.data[0] = lambda / 2 * sum;
    }

    @Override
    public void backwardInto(int i, DMatrixRMaj[] in, DMatrixRMaj out, DMatrixRMaj upstreamGrad, DMatrixRMaj grad) {
        double up = upstreamGrad.data[0];
        double[] w = in[i].data;
        double[] g = grad.data;
        for (int k = 0, n = grad.getNumElements(); k < n; k++) {
            g[k] = up * (lambda * w[k]);
        }
    }

    @Override
    public Tensor localDerivative(int i, Tensor[] inputs, Tensor output) {
        double[] w = inputs[i].matrix().data;
        DMatrixRMaj local = new DMatrixRMaj(inputs[i].rows(), inputs[i].cols());
        for (int k = 0, n = local.getNumElements(); k < n; k++) {
            local.data[k] = lambda * w[k];
        }
        return Tensor.wrap(local);
    }
}

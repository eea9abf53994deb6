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
    public int[] outputShape(Tensor[] inputs) {
        return Op.scalarOfSameShapes(this, inputs);
    }

    @Override
    public void forwardInto(DMatrixRMaj[] in, DMatrixRMaj out) {
        double[] y = in[0].data;
        double[] t = in[1].data;
        double sum = 0;
        for (int k = 0, n = in[0].getNumElements(); k < n; k++) {
            double e = y[k] - t[k];
            sum += e * e;
        }
        out.data[0] = 0.5 * sum;
    }

    @Override
    public void backwardInto(int i, DMatrixRMaj[] in, DMatrixRMaj out, DMatrixRMaj upstreamGrad, DMatrixRMaj grad) {
        double up = upstreamGrad.data[0];
        double[] y = in[0].data;
        double[] t = in[1].data;
        double[] g = grad.data;
        for (int k = 0, n = grad.getNumElements(); k < n; k++) {
            g[k] = up * local(i, y[k], t[k]);
        }
    }

    @Override
    public Tensor localDerivative(int i, Tensor[] inputs, Tensor output) {
        double[] y = inputs[0].matrix().data;
        double[] t = inputs[1].matrix().data;
        DMatrixRMaj local = new DMatrixRMaj(inputs[0].rows(), inputs[0].cols());
        for (int k = 0, n = local.getNumElements(); k < n; k++) {
            local.data[k] = local(i, y[k], t[k]);
        }
        return Tensor.wrap(local);
    }

    /** ∂E/∂y = y − t, ∂E/∂t = −(y − t) */
    private static double local(int i, double y, double t) {
        double e = y - t;
        return i == 0 ? e : -e;
    }
}

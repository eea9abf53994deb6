package backprop.engine.op;

import backprop.engine.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** y = x·W (an affine layer without bias). x: N×K, W: K×M, y: N×M. */
public record MatMul() implements Op {
    public static final MatMul INSTANCE = new MatMul();

    @Override
    public String opName() {
        return "matmul";
    }

    @Override
    public String symbol() {
        return "x·W";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public String forwardTex() {
        return "#0 #1";
    }

    @Override
    public String localDerivativeTex(int i) {
        return i == 0 ? "{#1}^{\\top}" : "{#0}^{\\top}";
    }

    @Override
    public Tensor forward(Tensor[] inputs) {
        Op.requireArity(this, inputs);
        return Tensor.wrap(multiply(this, inputs[0], inputs[1]));
    }

    @Override
    public InputGradient backward(int i, Tensor[] inputs, Tensor output, Tensor upstreamGrad) {
        return new InputGradient(Tensor.wrap(i == 0
                ? gradX(upstreamGrad, inputs[1])
                : gradW(inputs[0], upstreamGrad)), null);
    }

    static DMatrixRMaj multiply(Op op, Tensor x, Tensor w) {
        if (x.cols() != w.rows()) {
            throw new IllegalArgumentException(op.opName() + ": x is " + x.shape() + " but W is " + w.shape()
                    + " (x's columns must equal W's rows)");
        }
        DMatrixRMaj out = new DMatrixRMaj(x.rows(), w.cols());
        CommonOps_DDRM.mult(x.matrix(), w.matrix(), out);
        return out;
    }

    /** ∂L/∂x = ∂L/∂y · Wᵀ */
    static DMatrixRMaj gradX(Tensor upstreamGrad, Tensor w) {
        DMatrixRMaj dx = new DMatrixRMaj(upstreamGrad.rows(), w.rows());
        CommonOps_DDRM.multTransB(upstreamGrad.matrix(), w.matrix(), dx);
        return dx;
    }

    /** ∂L/∂W = xᵀ · ∂L/∂y */
    static DMatrixRMaj gradW(Tensor x, Tensor upstreamGrad) {
        DMatrixRMaj dw = new DMatrixRMaj(x.cols(), upstreamGrad.cols());
        CommonOps_DDRM.multTransA(x.matrix(), upstreamGrad.matrix(), dw);
        return dw;
    }
}

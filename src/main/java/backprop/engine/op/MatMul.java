package backprop.engine.op;

import backprop.engine.Tensor;
import org.ejml.data.DMatrixRMaj;

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
    public String gradientTex(int i) {
        return i == 0 ? "#g \\cdot {#1}^{\\top}" : "{#0}^{\\top} \\cdot #g";
    }

    @Override
    public int[] outputShape(Tensor[] inputs) {
        return productShape(this, inputs[0], inputs[1]);
    }

    @Override
    public void forwardInto(DMatrixRMaj[] in, DMatrixRMaj out) {
        MatrixKernels.mult(in[0], in[1], out);
    }

    @Override
    public void backwardInto(int i, DMatrixRMaj[] in, DMatrixRMaj out, DMatrixRMaj upstreamGrad, DMatrixRMaj grad) {
        if (i == 0) {
            gradX(upstreamGrad, in[1], grad);
        } else {
            gradW(in[0], upstreamGrad, grad);
        }
    }

    static int[] productShape(Op op, Tensor x, Tensor w) {
        if (x.cols() != w.rows()) {
            throw new IllegalArgumentException(op.opName() + ": x is " + x.shape() + " but W is " + w.shape()
                    + " (x's columns must equal W's rows)");
        }
        return new int[] {x.rows(), w.cols()};
    }

    /** ∂L/∂x = ∂L/∂y · Wᵀ */
    static void gradX(DMatrixRMaj upstreamGrad, DMatrixRMaj w, DMatrixRMaj dx) {
        MatrixKernels.multTransB(upstreamGrad, w, dx);
    }

    /** ∂L/∂W = xᵀ · ∂L/∂y */
    static void gradW(DMatrixRMaj x, DMatrixRMaj upstreamGrad, DMatrixRMaj dw) {
        MatrixKernels.multTransA(x, upstreamGrad, dw);
    }
}

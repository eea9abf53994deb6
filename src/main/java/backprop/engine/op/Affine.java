package backprop.engine.op;

import backprop.engine.Tensor;
import org.ejml.data.DMatrixRMaj;

/** y = x·W + b, the bias row b (1×M) added to every row. x: N×K, W: K×M, y: N×M. */
public record Affine() implements Op {
    public static final Affine INSTANCE = new Affine();

    @Override
    public String opName() {
        return "affine";
    }

    @Override
    public String symbol() {
        return "Affine";
    }

    @Override
    public int arity() {
        return 3;
    }

    @Override
    public String forwardTex() {
        return "#0 #1 + #2";
    }

    @Override
    public String localDerivativeTex(int i) {
        return switch (i) {
            case 0 -> "{#1}^{\\top}";
            case 1 -> "{#0}^{\\top}";
            default -> "\\mathbf{1}^{\\top}";
        };
    }

    @Override
    public String gradientTex(int i) {
        return switch (i) {
            case 0 -> "#g \\cdot {#1}^{\\top}";
            case 1 -> "{#0}^{\\top} \\cdot #g";
            default -> "\\mathbf{1}^{\\top} \\cdot #g"; // the column sums of ∂L/∂y: one per bias entry
        };
    }

    @Override
    public int[] outputShape(Tensor[] inputs) {
        int[] shape = MatMul.productShape(this, inputs[0], inputs[1]);
        Tensor b = inputs[2];
        if (b.rows() != 1 || b.cols() != shape[1]) {
            throw new IllegalArgumentException("affine: bias is " + b.shape() + " but must be 1×" + shape[1]);
        }
        return shape;
    }

    @Override
    public void forwardInto(DMatrixRMaj[] in, DMatrixRMaj out) {
        MatrixKernels.mult(in[0], in[1], out);
        double[] b = in[2].data;
        for (int r = 0; r < out.numRows; r++) {
            for (int c = 0; c < out.numCols; c++) {
                out.data[r * out.numCols + c] += b[c];
            }
        }
    }

    @Override
    public void backwardInto(int i, DMatrixRMaj[] in, DMatrixRMaj out, DMatrixRMaj upstreamGrad, DMatrixRMaj grad) {
        switch (i) {
            case 0 -> MatMul.gradX(upstreamGrad, in[1], grad);
            case 1 -> MatMul.gradW(in[0], upstreamGrad, grad);
            default -> columnSums(upstreamGrad, grad);
        }
    }

    /** ∂L/∂b = Σ over the batch rows of ∂L/∂y */
    private static void columnSums(DMatrixRMaj up, DMatrixRMaj db) {
        java.util.Arrays.fill(db.data, 0, up.numCols, 0.0);
        for (int r = 0; r < up.numRows; r++) {
            for (int c = 0; c < up.numCols; c++) {
                db.data[c] += up.data[r * up.numCols + c];
            }
        }
    }
}

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
    public Tensor forward(Tensor[] inputs) {
        Op.requireArity(this, inputs);
        Tensor b = inputs[2];
        DMatrixRMaj out = MatMul.multiply(this, inputs[0], inputs[1]);
        if (b.rows() != 1 || b.cols() != out.numCols) {
            throw new IllegalArgumentException("affine: bias is " + b.shape() + " but must be 1×" + out.numCols);
        }
        for (int r = 0; r < out.numRows; r++) {
            for (int c = 0; c < out.numCols; c++) {
                out.data[r * out.numCols + c] += b.at(c);
            }
        }
        return Tensor.wrap(out);
    }

    @Override
    public InputGradient backward(int i, Tensor[] inputs, Tensor output, Tensor upstreamGrad) {
        DMatrixRMaj g = switch (i) {
            case 0 -> MatMul.gradX(upstreamGrad, inputs[1]);
            case 1 -> MatMul.gradW(inputs[0], upstreamGrad);
            default -> columnSums(upstreamGrad);
        };
        return new InputGradient(Tensor.wrap(g), null);
    }

    /** ∂L/∂b = Σ over the batch rows of ∂L/∂y */
    private static DMatrixRMaj columnSums(Tensor up) {
        DMatrixRMaj db = new DMatrixRMaj(1, up.cols());
        for (int r = 0; r < up.rows(); r++) {
            for (int c = 0; c < up.cols(); c++) {
                db.data[c] += up.get(r, c);
            }
        }
        return db;
    }
}

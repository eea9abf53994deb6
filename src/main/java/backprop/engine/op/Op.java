package backprop.engine.op;

import backprop.engine.Tensor;
import org.ejml.data.DMatrixRMaj;

/**
 * An operation of the computational graph: a pure forward function and its backward rule.
 * Ops hold no state between forward and backward (no caches): backward gets the forward inputs
 * and output again, so a trace can be replayed or stepped back without side effects.
 *
 * <p>Each op's arithmetic lives in two kernels on raw matrices with an output parameter
 * ({@link #forwardInto}, {@link #backwardInto}, EJML style). The tensor methods the trace uses
 * allocate and call them; the trainer's in-place executor calls them on buffers it reuses. One
 * implementation of the numbers, so both paths agree bit for bit.
 */
public sealed interface Op
        permits Elementwise, MatMul, Affine, SoftmaxCrossEntropy, BinaryCrossEntropy, SquaredError, WeightDecay {

    /** Stable machine name, used in JSON and the program language ("mul", "affine"). */
    String opName();

    /** What a node of this op shows on screen ("×", "σ", "Affine"). */
    String symbol();

    int arity();

    /** ∂output/∂input_i in LaTeX; #0, #1, … stand for the operands and #y for the output. */
    String localDerivativeTex(int i);

    /**
     * ∂L/∂input_i in LaTeX for ops whose gradient is a matrix product, not upstream ⊙ local (seed 001's
     * dot node: ∂L/∂X = ∂L/∂Y · Wᵀ, ∂L/∂W = Xᵀ · ∂L/∂Y); #g stands for the upstream gradient ∂L/∂output,
     * #0, #1, … for the operands. Null for the ops that have a {@link #localDerivative}.
     */
    default String gradientTex(int i) {
        return null;
    }

    /** The forward rule in LaTeX; #0, #1, … stand for the operands. */
    String forwardTex();

    /**
     * Checks the operands' shapes and returns the output's {rows, cols}; throws
     * {@link IllegalArgumentException} naming the op when they do not fit.
     */
    int[] outputShape(Tensor[] inputs);

    /** out ← f(in). {@code out} has the output's shape, is not an operand, and may hold old numbers. */
    void forwardInto(DMatrixRMaj[] in, DMatrixRMaj out);

    /**
     * grad ← ∂L/∂input_i from the forward operands, the forward output and the upstream gradient
     * ∂L/∂output. {@code grad} has input i's shape and may hold old numbers. Gradients of an input
     * used several times are summed by the executor, not here.
     */
    void backwardInto(int i, DMatrixRMaj[] in, DMatrixRMaj out, DMatrixRMaj upstreamGrad, DMatrixRMaj grad);

    /** ∂output/∂input_i element by element, for ops whose gradient is upstream ⊙ local; null for the others. */
    default Tensor localDerivative(int i, Tensor[] inputs, Tensor output) {
        return null;
    }

    /** output = f(inputs); throws {@link IllegalArgumentException} naming the op when shapes do not fit. */
    default Tensor forward(Tensor[] inputs) {
        requireArity(this, inputs);
        int[] shape = outputShape(inputs);
        DMatrixRMaj out = new DMatrixRMaj(shape[0], shape[1]);
        forwardInto(matrices(inputs), out);
        return Tensor.wrap(out);
    }

    /**
     * ∂L/∂input_i from the forward inputs, the forward output and the upstream gradient ∂L/∂output.
     * Gradients of an input used several times are summed by the executor, not here.
     */
    default InputGradient backward(int i, Tensor[] inputs, Tensor output, Tensor upstreamGrad) {
        DMatrixRMaj grad = new DMatrixRMaj(inputs[i].rows(), inputs[i].cols());
        backwardInto(i, matrices(inputs), output.matrix(), upstreamGrad.matrix(), grad);
        return new InputGradient(Tensor.wrap(grad), localDerivative(i, inputs, output));
    }

    /**
     * One input's share of the backward pass.
     *
     * @param gradient        ∂L/∂input_i
     * @param localDerivative ∂output/∂input_i, elementwise, when the op is elementwise
     *                        (then gradient = upstreamGrad ⊙ localDerivative); null for matrix ops
     */
    record InputGradient(Tensor gradient, Tensor localDerivative) {
    }

    static DMatrixRMaj[] matrices(Tensor[] inputs) {
        DMatrixRMaj[] m = new DMatrixRMaj[inputs.length];
        for (int k = 0; k < m.length; k++) {
            m[k] = inputs[k].matrix();
        }
        return m;
    }

    static void requireArity(Op op, Tensor[] inputs) {
        if (inputs.length != op.arity()) {
            throw new IllegalArgumentException(op.opName() + " takes " + op.arity() + " inputs, got " + inputs.length);
        }
    }

    static void requireSameShape(Op op, Tensor a, Tensor b) {
        if (!a.sameShape(b)) {
            throw new IllegalArgumentException(op.opName() + ": shapes " + a.shape() + " and " + b.shape() + " differ");
        }
    }

    /** The shape of a scalar loss after checking that the two operands have the same shape. */
    static int[] scalarOfSameShapes(Op op, Tensor[] inputs) {
        requireSameShape(op, inputs[0], inputs[1]);
        return new int[] {1, 1};
    }
}

package backprop.engine.op;

import backprop.engine.Tensor;

/**
 * An operation of the computational graph: a pure forward function and its backward rule.
 * Ops hold no state between forward and backward (no caches): backward gets the forward inputs
 * and output again, so a trace can be replayed or stepped back without side effects.
 */
public sealed interface Op
        permits Elementwise, MatMul, Affine, SoftmaxCrossEntropy, BinaryCrossEntropy, SquaredError, WeightDecay {

    /** Stable machine name, used in JSON and the program language ("mul", "affine"). */
    String opName();

    /** What a node of this op shows on screen ("×", "σ", "Affine"). */
    String symbol();

    int arity();

    /** output = f(inputs); throws {@link IllegalArgumentException} naming the op when shapes do not fit. */
    Tensor forward(Tensor[] inputs);

    /**
     * ∂L/∂input_i from the forward inputs, the forward output and the upstream gradient ∂L/∂output.
     * Gradients of an input used several times are summed by the executor, not here.
     */
    InputGradient backward(int i, Tensor[] inputs, Tensor output, Tensor upstreamGrad);

    /** ∂output/∂input_i in LaTeX; #0, #1, … stand for the operands and #y for the output. */
    String localDerivativeTex(int i);

    /** The forward rule in LaTeX; #0, #1, … stand for the operands. */
    String forwardTex();

    /**
     * One input's share of the backward pass.
     *
     * @param gradient        ∂L/∂input_i
     * @param localDerivative ∂output/∂input_i, elementwise, when the op is elementwise
     *                        (then gradient = upstreamGrad ⊙ localDerivative); null for matrix ops
     */
    record InputGradient(Tensor gradient, Tensor localDerivative) {
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
}

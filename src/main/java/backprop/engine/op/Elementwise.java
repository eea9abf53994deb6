package backprop.engine.op;

import backprop.engine.Tensor;
import org.ejml.data.DMatrixRMaj;

/**
 * Ops applied element by element; on 1×1 tensors they are the scalar ops of the seed figures,
 * on matrices they are activation layers (a Sigmoid layer is {@link #SIGMOID} on a matrix).
 * Each constant is its forward {@code apply} and its local derivative {@code derivative},
 * given the operands a, b and the output y; the TeX templates write operand k as #k and the output as #y.
 */
public enum Elementwise implements Op {
    ADD("add", "+", 2, "#0 + #1") {
        double apply(double a, double b) { return a + b; }
        double derivative(int i, double a, double b, double y) { return 1; }
        public String localDerivativeTex(int i) { return "1"; }
    },
    SUB("sub", "−", 2, "#0 - #1") {
        double apply(double a, double b) { return a - b; }
        double derivative(int i, double a, double b, double y) { return i == 0 ? 1 : -1; }
        public String localDerivativeTex(int i) { return i == 0 ? "1" : "-1"; }
    },
    MUL("mul", "×", 2, "#0 \\cdot #1") {
        double apply(double a, double b) { return a * b; }
        double derivative(int i, double a, double b, double y) { return i == 0 ? b : a; }
        public String localDerivativeTex(int i) { return i == 0 ? "#1" : "#0"; }
    },
    DIV("div", "÷", 2, "\\frac{#0}{#1}") {
        double apply(double a, double b) { return a / b; }
        double derivative(int i, double a, double b, double y) { return i == 0 ? 1 / b : -a / (b * b); }
        public String localDerivativeTex(int i) { return i == 0 ? "\\frac{1}{#1}" : "-\\frac{#0}{{#1}^2}"; }
    },
    POW("pow", "^", 2, "{#0}^{#1}") {
        double apply(double a, double b) { return Math.pow(a, b); }
        double derivative(int i, double a, double b, double y) {
            if (i == 0) {
                return b * Math.pow(a, b - 1);
            }
            return a == 0 ? 0 : y * Math.log(a); // d(0^b)/db = 0 for b > 0
        }
        public String localDerivativeTex(int i) { return i == 0 ? "#1 \\cdot {#0}^{#1 - 1}" : "{#0}^{#1} \\ln #0"; }
    },
    MAX("max", "max", 2, "\\max(#0, #1)") {
        double apply(double a, double b) { return Math.max(a, b); }
        // a tie sends the whole gradient to the first operand
        double derivative(int i, double a, double b, double y) { return (i == 0) == (a >= b) ? 1 : 0; }
        public String localDerivativeTex(int i) { return i == 0 ? "[#0 \\ge #1]" : "[#0 < #1]"; }
    },
    NEG("neg", "−", 1, "-#0") {
        double apply(double a, double b) { return -a; }
        double derivative(int i, double a, double b, double y) { return -1; }
        public String localDerivativeTex(int i) { return "-1"; }
    },
    EXP("exp", "exp", 1, "e^{#0}") {
        double apply(double a, double b) { return Math.exp(a); }
        double derivative(int i, double a, double b, double y) { return y; }
        public String localDerivativeTex(int i) { return "e^{#0}"; }
    },
    LOG("log", "log", 1, "\\ln #0") {
        double apply(double a, double b) { return Math.log(a); }
        double derivative(int i, double a, double b, double y) { return 1 / a; }
        public String localDerivativeTex(int i) { return "\\frac{1}{#0}"; }
    },
    SQRT("sqrt", "√", 1, "\\sqrt{#0}") {
        double apply(double a, double b) { return Math.sqrt(a); }
        double derivative(int i, double a, double b, double y) { return 1 / (2 * y); }
        public String localDerivativeTex(int i) { return "\\frac{1}{2\\sqrt{#0}}"; }
    },
    SIGMOID("sigmoid", "σ", 1, "\\sigma(#0)") {
        double apply(double a, double b) { return 1 / (1 + Math.exp(-a)); }
        double derivative(int i, double a, double b, double y) { return y * (1 - y); }
        public String localDerivativeTex(int i) { return "#y(1 - #y)"; }
    },
    TANH("tanh", "tanh", 1, "\\tanh #0") {
        double apply(double a, double b) { return Math.tanh(a); }
        double derivative(int i, double a, double b, double y) { return 1 - y * y; }
        public String localDerivativeTex(int i) { return "1 - {#y}^2"; }
    },
    SIN("sin", "sin", 1, "\\sin #0") {
        double apply(double a, double b) { return Math.sin(a); }
        double derivative(int i, double a, double b, double y) { return Math.cos(a); }
        public String localDerivativeTex(int i) { return "\\cos #0"; }
    },
    COS("cos", "cos", 1, "\\cos #0") {
        double apply(double a, double b) { return Math.cos(a); }
        double derivative(int i, double a, double b, double y) { return -Math.sin(a); }
        public String localDerivativeTex(int i) { return "-\\sin #0"; }
    },
    RELU("relu", "ReLU", 1, "\\max(0, #0)") {
        double apply(double a, double b) { return a > 0 ? a : 0; }
        double derivative(int i, double a, double b, double y) { return a > 0 ? 1 : 0; }
        public String localDerivativeTex(int i) { return "[#0 > 0]"; }
    },
    ABS("abs", "|a|", 1, "|#0|") {
        double apply(double a, double b) { return Math.abs(a); }
        double derivative(int i, double a, double b, double y) { return Math.signum(a); }
        public String localDerivativeTex(int i) { return "\\operatorname{sign}(#0)"; }
    };

    private final String opName;
    private final String symbol;
    private final int arity;
    private final String forwardTex;

    Elementwise(String opName, String symbol, int arity, String forwardTex) {
        this.opName = opName;
        this.symbol = symbol;
        this.arity = arity;
        this.forwardTex = forwardTex;
    }

    abstract double apply(double a, double b);

    abstract double derivative(int i, double a, double b, double y);

    public static Elementwise byName(String name) {
        for (Elementwise e : values()) {
            if (e.opName.equals(name)) {
                return e;
            }
        }
        return null;
    }

    @Override
    public String opName() {
        return opName;
    }

    @Override
    public String symbol() {
        return symbol;
    }

    @Override
    public int arity() {
        return arity;
    }

    @Override
    public String forwardTex() {
        return forwardTex;
    }

    @Override
    public int[] outputShape(Tensor[] inputs) {
        if (arity == 2) {
            Op.requireSameShape(this, inputs[0], inputs[1]);
        }
        return new int[] {inputs[0].rows(), inputs[0].cols()};
    }

    @Override
    public void forwardInto(DMatrixRMaj[] in, DMatrixRMaj out) {
        double[] a = in[0].data;
        // a unary op's "b" is a again, which it ignores: no branch on the arity here or in the loop, so
        // code the JIT compiled for one kind of op stays valid when the other kind comes along
        double[] b = in[arity - 1].data;
        double[] y = out.data;
        for (int k = 0, n = out.getNumElements(); k < n; k++) {
            y[k] = apply(a[k], b[k]);
        }
    }

    @Override
    public void backwardInto(int i, DMatrixRMaj[] in, DMatrixRMaj out, DMatrixRMaj upstreamGrad, DMatrixRMaj grad) {
        double[] a = in[0].data;
        double[] b = in[arity - 1].data; // a unary op's b is a again (see forwardInto)
        double[] y = out.data;
        double[] up = upstreamGrad.data;
        double[] g = grad.data;
        for (int k = 0, n = grad.getNumElements(); k < n; k++) {
            g[k] = up[k] * derivative(i, a[k], b[k], y[k]);
        }
    }

    @Override
    public Tensor localDerivative(int i, Tensor[] inputs, Tensor output) {
        double[] a = inputs[0].matrix().data;
        double[] b = inputs[arity - 1].matrix().data; // a unary op's b is a again (see forwardInto)
        double[] y = output.matrix().data;
        DMatrixRMaj local = new DMatrixRMaj(inputs[0].rows(), inputs[0].cols());
        for (int k = 0, n = local.getNumElements(); k < n; k++) {
            local.data[k] = derivative(i, a[k], b[k], y[k]);
        }
        return Tensor.wrap(local);
    }

    @Override
    public String toString() {
        return opName;
    }
}

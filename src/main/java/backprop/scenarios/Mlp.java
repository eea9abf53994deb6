package backprop.scenarios;

import backprop.engine.GraphBuilder;
import backprop.engine.Tensor;
import backprop.engine.op.Elementwise;
import backprop.engine.op.MatMul;
import backprop.engine.op.Op;
import backprop.engine.op.SquaredError;
import java.util.List;

/**
 * A fully connected network y = f(…f(x·W₁)·W₂…) with a squared-error loss, built two ways from the
 * same weights: as layer blocks (one MatMul and one activation node per layer) or as scalar ops
 * (one multiply per weight, one add per sum, one activation per unit: the seed figures). Both run
 * through the same executor and must give the same numbers.
 *
 * <p>Units are numbered across layers from 1, inputs first (seed 000's numbering), so the weight from
 * unit 1 to unit 3 is {@code w13}; hidden and output units have a pre-activation z and an activation y.
 *
 * @param input      one sample, 1×n
 * @param weights    W₁ … W_L, W_l of shape n_{l−1} × n_l
 * @param hidden     activation of hidden units
 * @param output     activation of output units, null for a linear output
 * @param target     1×n_L
 */
public record Mlp(Tensor input, List<Tensor> weights, Elementwise hidden, Elementwise output, Tensor target) {

    /** Builds the network into {@code b} as layer blocks; returns the loss node. */
    public int buildLayers(GraphBuilder b) {
        int a = b.input("x", input, false);
        for (int l = 0; l < weights.size(); l++) {
            int w = b.param("W" + (l + 1), weights.get(l));
            a = b.op("z" + (l + 1), MatMul.INSTANCE, a, w);
            Op act = activation(l);
            if (act != null) {
                a = b.op("a" + (l + 1), act, a);
            }
        }
        b.report(a);
        int t = b.input("t", target, false);
        return b.op("E", SquaredError.INSTANCE, a, t);
    }

    /** Builds the network into {@code b} as scalar ops, grouped by unit; returns the loss node. */
    public int buildScalars(GraphBuilder b) {
        int[] prev = new int[input.cols()];
        for (int i = 0; i < prev.length; i++) {
            prev[i] = b.input("x" + (i + 1), Tensor.scalar(input.at(i)), false);
        }
        int firstUnit = 1;
        int[] units = new int[0];
        for (int l = 0; l < weights.size(); l++) {
            Tensor w = weights.get(l);
            int nextFirst = firstUnit + prev.length;
            units = new int[w.cols()];
            for (int j = 0; j < w.cols(); j++) {
                int unit = nextFirst + j;
                b.group("unit " + unit);
                Integer sum = null;
                for (int i = 0; i < prev.length; i++) {
                    String wName = weightName(firstUnit + i, unit);
                    int wi = b.param(wName, w.get(i, j));
                    int term = b.anonymous(wName + "·" + (l == 0 ? "x" : "y") + (firstUnit + i), Elementwise.MUL, wi, prev[i]);
                    sum = sum == null ? term : b.anonymous("Σ z" + unit, Elementwise.ADD, sum, term);
                }
                int z = b.rename(sum, "z" + unit);
                Op act = activation(l);
                units[j] = act == null ? z : b.op("y" + unit, act, z);
            }
            b.group(null);
            prev = units;
            firstUnit = nextFirst;
        }
        int loss = -1;
        for (int j = 0; j < units.length; j++) {
            b.report(units[j]);
            String suffix = units.length == 1 ? "" : Integer.toString(j + 1);
            int t = b.input("t" + suffix, Tensor.scalar(target.at(j)), false);
            int e = b.op("E" + suffix, SquaredError.INSTANCE, units[j], t);
            loss = loss < 0 ? e : b.anonymous("E", Elementwise.ADD, loss, e);
        }
        return loss;
    }

    private Op activation(int layer) {
        return layer == weights.size() - 1 ? output : hidden;
    }

    static String weightName(int from, int to) {
        return from < 10 && to < 10 ? "w" + from + to : "w" + from + "_" + to;
    }
}

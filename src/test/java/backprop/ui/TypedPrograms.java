package backprop.ui;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Random programs of the formula language, for property tests of what the app makes of typed formulas. */
public final class TypedPrograms {
    public static final List<String> NAMES = List.of("x", "y", "w", "b", "w13", "W_hidden", "apple", "a_b_c", "z2", "t", "_u", "μ", "价格");
    public static final List<String> FUNCTIONS = List.of("exp", "log", "sqrt", "sigmoid", "tanh", "relu", "abs", "sin", "cos");

    private TypedPrograms() {
    }

    /** Programs as a student writes them: inputs and params, then expressions over the names so far. */
    public static Arbitrary<String> programs() {
        return Arbitraries.integers().between(1, 3).flatMap(leaves -> Arbitraries.integers().between(1, 3).flatMap(ops ->
                Arbitraries.longs().map(seed -> program(new java.util.Random(seed), leaves, ops))));
    }

    private static String program(java.util.Random r, int leaves, int ops) {
        List<String> pool = new ArrayList<>(NAMES);
        java.util.Collections.shuffle(pool, r); // every name gets its turn, μ and 价格 too
        List<String> defined = new ArrayList<>();
        StringBuilder p = new StringBuilder();
        for (int k = 0; k < leaves; k++) {
            String name = pool.get(k);
            defined.add(name);
            p.append(r.nextBoolean() ? "param " : "").append(name).append(" = ").append(number(r)).append('\n');
        }
        for (int k = 0; k < ops; k++) {
            String name = pool.get(leaves + k);
            p.append(name).append(" = ").append(expression(r, defined, 3)).append(r.nextInt(4) == 0 ? "; " : "\n");
            defined.add(name);
        }
        return p.toString();
    }

    private static String number(java.util.Random r) {
        return List.of("0", "1", "2", "0.5", "-1", "-0.25", "3", "1e-3", "100").get(r.nextInt(9));
    }

    private static String expression(java.util.Random r, List<String> names, int depth) {
        int kind = depth == 0 ? r.nextInt(2) : r.nextInt(7);
        return switch (kind) {
            case 0 -> names.get(r.nextInt(names.size()));
            case 1 -> number(r).replace("-", "");
            case 2 -> expression(r, names, depth - 1) + " " + "+-*/^".charAt(r.nextInt(5)) + " " + expression(r, names, depth - 1);
            case 3 -> "-" + expression(r, names, depth - 1);
            case 4 -> "(" + expression(r, names, depth - 1) + ")";
            case 5 -> "max(" + expression(r, names, depth - 1) + ", " + expression(r, names, depth - 1) + ")";
            default -> FUNCTIONS.get(r.nextInt(FUNCTIONS.size())) + "(" + expression(r, names, depth - 1) + ")";
        };
    }
}

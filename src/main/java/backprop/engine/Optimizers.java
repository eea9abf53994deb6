package backprop.engine;

import java.util.List;

/** Optimizers by name, with the defaults of Saito's DLFS and Kingma and Ba's Adam. */
public final class Optimizers {
    public static final List<String> NAMES = List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam");

    private Optimizers() {
    }

    public static double defaultLearningRate(String name) {
        return switch (name) {
            case "sgd" -> 0.1;
            case "adam" -> 0.001;
            default -> 0.01;
        };
    }

    /** Null hyperparameters take their defaults; throws {@link IllegalArgumentException} naming a bad value. */
    public static Optimizer create(String name, double lr, Double momentum, Double beta, Double beta2, Double eps) {
        positive("--lr", lr);
        double mu = inUnitInterval("--momentum", momentum, 0.9);
        return switch (name) {
            case "sgd" -> new Optimizer.Sgd(lr);
            case "momentum" -> new Optimizer.Momentum(lr, mu);
            case "nesterov" -> new Optimizer.Nesterov(lr, mu);
            case "adagrad" -> new Optimizer.AdaGrad(lr, positive("--eps", eps == null ? 1e-7 : eps));
            case "rmsprop" -> new Optimizer.RmsProp(lr, inUnitInterval("--beta", beta, 0.99),
                    positive("--eps", eps == null ? 1e-8 : eps));
            case "adam" -> new Optimizer.Adam(lr, inUnitInterval("--beta", beta, 0.9),
                    inUnitInterval("--beta2", beta2, 0.999), positive("--eps", eps == null ? 1e-8 : eps));
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "' (use " + String.join(", ", NAMES) + ")");
        };
    }

    private static double positive(String flag, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(flag + " must be a positive number, got " + v);
        }
        return v;
    }

    private static double inUnitInterval(String flag, Double v, double fallback) {
        double x = v == null ? fallback : v;
        if (!(x >= 0 && x < 1)) {
            throw new IllegalArgumentException(flag + " must be in [0, 1), got " + x);
        }
        return x;
    }
}

package backprop.cli;

import backprop.engine.Optimizer;
import backprop.engine.Optimizers;
import backprop.scenarios.Scenario;
import picocli.CommandLine.Option;

/** The optimizer flags of {@code train}; unset flags take the scenario's setting, then the optimizer's default. */
final class OptimizerOptions {
    @Option(names = "--optimizer", paramLabel = "NAME", description = "sgd, momentum, nesterov, adagrad, rmsprop or adam")
    String name;

    @Option(names = "--lr", paramLabel = "X", description = "learning rate")
    Double lr;

    @Option(names = "--momentum", paramLabel = "X", description = "momentum μ (momentum, nesterov; default 0.9)")
    Double momentum;

    @Option(names = "--beta", paramLabel = "X", description = "decay β (rmsprop, default 0.99) or β₁ (adam, default 0.9)")
    Double beta;

    @Option(names = "--beta2", paramLabel = "X", description = "β₂ (adam, default 0.999)")
    Double beta2;

    @Option(names = "--eps", paramLabel = "X", description = "ε (adagrad 1e-7, rmsprop and adam 1e-8 by default)")
    Double eps;

    Optimizer build(Scenario scenario) {
        String chosen = name != null ? name : scenario != null ? scenario.defaults().optimizer() : "sgd";
        double rate = lr != null ? lr
                : scenario != null && chosen.equals(scenario.defaults().optimizer()) ? scenario.defaults().learningRate()
                : Optimizers.defaultLearningRate(chosen);
        return Optimizers.create(chosen, rate, momentum, beta, beta2, eps);
    }
}

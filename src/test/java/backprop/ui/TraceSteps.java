package backprop.ui;

import backprop.engine.Step.BackwardStep;
import backprop.engine.Trace;

/** Finding steps of a trace in tests. */
public final class TraceSteps {
    private TraceSteps() {
    }

    /** The cursor position just after the backward step that passes a gradient to node {@code id}. */
    public static int reaching(Trace t, int id) {
        for (int i = 0; i < t.size(); i++) {
            if (t.step(i) instanceof BackwardStep b && b.edges().stream().anyMatch(e -> e.input() == id)) {
                return i + 1;
            }
        }
        throw new AssertionError("no step passes a gradient to node " + id);
    }
}

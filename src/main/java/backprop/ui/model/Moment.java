package backprop.ui.model;

import backprop.engine.Step;
import backprop.engine.Step.EdgeGradient;
import backprop.engine.Trace;
import backprop.ui.chain.EdgeRef;
import backprop.ui.chain.Explanation;
import java.util.Map;

/**
 * Everything the panels draw for one cursor position, all read from the trace.
 *
 * @param current the step just applied, or null at the start
 * @param edges   for each graph edge, the latest gradient share that flowed back along it
 */
public record Moment(Trace trace, int applied, Trace.Frame frame, Step current, Phase phase,
                     Map<EdgeRef, EdgeGradient> edges, Explanation explanation) {

    public enum Phase { START, FORWARD, LOSS, BACKWARD, UPDATE }
}

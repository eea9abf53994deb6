package backprop.engine;

import backprop.engine.Graph.Node;
import backprop.engine.Step.BackwardStep;
import backprop.engine.Step.EdgeGradient;
import backprop.engine.Step.ForwardStep;
import backprop.engine.Step.LossStep;
import backprop.engine.Step.UpdateStep;
import backprop.engine.op.Op;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;

/**
 * One iteration (forward, loss, backward, updates) produced one {@link Step} at a time. This is the
 * only place values and gradients are computed: the step player, the trainer and the command line
 * all pull steps from here, so stepping and running straight through cannot differ.
 *
 * <p>A caller may stop pulling after the {@link LossStep} (the last pass of a training run does).
 * Without an optimizer the iteration ends after the backward pass.
 */
public final class Iteration implements Iterator<Step> {
    private enum Phase { FORWARD, LOSS, BACKWARD, UPDATE, DONE }

    private static final int[] NO_SLOTS = new int[0];

    private final ExecutionPlan plan;
    private final Graph graph;
    private final Optimizer optimizer;
    private final UpdateOrder order;
    /** Values of the forward pass; leaves as they were when it ran. */
    private final Tensor[] values;
    private final Tensor[] grads;
    /** Leaf values now: params move here as updates happen. */
    private final Tensor[] leaves;
    private final Optimizer.Slot[] slots;
    private final int[] consumersLeft;
    /**
     * Steps queued but not yet taken. They are computed when pulled, not when queued, so that after k
     * steps the values, gradients and leaves here are exactly those of the first k steps.
     */
    private final ArrayDeque<Supplier<Step>> pending = new ArrayDeque<>();
    private Phase phase = Phase.FORWARD;
    private int cursor;

    public Iteration(ExecutionPlan plan, ModelState state, Optimizer optimizer, UpdateOrder order) {
        this.plan = plan;
        this.graph = plan.graph;
        this.optimizer = optimizer;
        this.order = order;
        if (state.size() != graph.size()) {
            throw new IllegalArgumentException("state has " + state.size() + " slots, graph " + graph.size() + " nodes");
        }
        leaves = state.leavesCopy();
        slots = state.slotsCopy();
        values = leaves.clone();
        grads = new Tensor[graph.size()];
        consumersLeft = plan.backwardConsumers.clone();
        if (plan.forwardOrder.length == 0) {
            phase = Phase.LOSS;
        }
    }

    /** Forward and backward only: the gradients of a formula, no updates. */
    public static Iteration gradients(Graph graph, ModelState state) {
        return new Iteration(ExecutionPlan.of(graph), state, null, UpdateOrder.SIMULTANEOUS);
    }

    @Override
    public boolean hasNext() {
        if (!pending.isEmpty()) {
            return true;
        }
        if (phase == Phase.BACKWARD && cursor == plan.backwardOrder.length) {
            enterUpdatePhase();
        }
        return phase != Phase.DONE || !pending.isEmpty();
    }

    @Override
    public Step next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the iteration is over");
        }
        if (!pending.isEmpty()) {
            return pending.poll().get();
        }
        return switch (phase) {
            case FORWARD -> forward(plan.forwardOrder[cursor++]);
            case LOSS -> loss();
            case BACKWARD -> backward(plan.backwardOrder[cursor++]);
            default -> throw new IllegalStateException(phase.name());
        };
    }

    /** Pulls every remaining step; returns the last one. */
    public Step runToEnd() {
        Step last = null;
        while (hasNext()) {
            last = next();
        }
        return last;
    }

    /** Pulls steps up to and including the loss step (the forward pass). */
    public LossStep runForward() {
        while (hasNext()) {
            if (next() instanceof LossStep loss) {
                return loss;
            }
        }
        throw new IllegalStateException("the forward pass is already over");
    }

    /** The forward value of a node (null before its forward step). */
    public Tensor value(int node) {
        return values[node];
    }

    /** ∂output/∂node summed over the consumers processed so far (null if none yet). */
    public Tensor grad(int node) {
        return grads[node];
    }

    /** Leaf values and optimizer memory as they are now (params updated so far). */
    public ModelState state() {
        return ModelState.of(leaves, slots);
    }

    public Graph graph() {
        return graph;
    }

    private Step forward(int id) {
        Node node = graph.node(id);
        Tensor[] in = ExecutionPlan.operands(plan.inputs[id], values);
        Tensor out = ExecutionPlan.forwardOf(node, in);
        values[id] = out;
        if (cursor == plan.forwardOrder.length) {
            phase = Phase.LOSS;
            cursor = 0;
        }
        return new ForwardStep(id, List.of(in), out);
    }

    private Step loss() {
        int out = graph.output();
        Tensor v = values[out];
        grads[out] = Tensor.filled(v.rows(), v.cols(), 1.0);
        phase = Phase.BACKWARD;
        cursor = 0;
        return new LossStep(out, v);
    }

    /**
     * The first backward step of one op node; in the eager order with param operands, the updates of
     * params whose gradient is now complete and the step for the other operands are queued behind it.
     */
    private BackwardStep backward(int id) {
        Node node = graph.node(id);
        int[] ins = plan.inputs[id];
        Tensor[] in = ExecutionPlan.operands(ins, values);
        int[] paramSlots = order == UpdateOrder.EAGER && optimizer != null ? plan.paramGradSlots[id] : NO_SLOTS;
        if (paramSlots.length == 0) {
            return edges(node, ins, in, plan.gradSlots[id]);
        }
        BackwardStep params = edges(node, ins, in, paramSlots);
        for (int p : plan.eagerUpdates[id]) {
            pending.add(() -> update(p));
        }
        int[] otherSlots = plan.otherGradSlots[id];
        if (otherSlots.length > 0) {
            pending.add(() -> {
                // eager: the rest of the chain sees the params as they are now, already updated
                Tensor[] current = in.clone();
                for (int slot = 0; slot < current.length; slot++) {
                    if (plan.isParam[ins[slot]]) {
                        current[slot] = leaves[ins[slot]];
                    }
                }
                return edges(node, ins, current, otherSlots);
            });
        }
        return params;
    }

    private BackwardStep edges(Node node, int[] ins, Tensor[] in, int[] slots) {
        Op op = node.op();
        Tensor upstream = grads[node.id()];
        Tensor out = values[node.id()];
        Op.InputGradient[] shares = new Op.InputGradient[slots.length];
        Tensor[] accumulated = new Tensor[slots.length];
        for (int k = 0; k < shares.length; k++) {
            int input = ins[slots[k]];
            shares[k] = op.backward(slots[k], in, out, upstream);
            Tensor g = shares[k].gradient();
            grads[input] = grads[input] == null ? g : add(grads[input], g);
            accumulated[k] = grads[input];
        }
        // a gradient is complete once every consumer has passed its share back
        for (int k = 0; k < slots.length; k++) {
            if (ExecutionPlan.firstRead(ins, slots, k)) {
                consumersLeft[ins[slots[k]]]--;
            }
        }
        EdgeGradient[] edges = new EdgeGradient[shares.length];
        for (int k = 0; k < shares.length; k++) {
            int input = ins[slots[k]];
            boolean lastShare = accumulated[k] == grads[input];
            edges[k] = new EdgeGradient(slots[k], input, shares[k].localDerivative(), shares[k].gradient(),
                    accumulated[k], lastShare && consumersLeft[input] == 0);
        }
        return new BackwardStep(node.id(), upstream, List.of(edges));
    }

    private void enterUpdatePhase() {
        phase = Phase.DONE;
        if (optimizer == null || order == UpdateOrder.EAGER) {
            return;
        }
        for (int p : plan.updatableParams) {
            pending.add(() -> update(p));
        }
    }

    private UpdateStep update(int p) {
        Tensor before = leaves[p];
        Optimizer.Update u = optimizer.update(before, grads[p], slots[p] == null ? Optimizer.Slot.EMPTY : slots[p]);
        leaves[p] = u.value();
        slots[p] = u.slot();
        return new UpdateStep(p, before, grads[p], u.value(), u.slot());
    }

    private static Tensor add(Tensor a, Tensor b) {
        DMatrixRMaj out = new DMatrixRMaj(a.rows(), a.cols());
        for (int k = 0; k < out.data.length; k++) {
            out.data[k] = a.at(k) + b.at(k);
        }
        return Tensor.wrap(out);
    }

    @Override
    public String toString() {
        return "Iteration[" + phase + " " + cursor + ", pending " + pending.size() + ", "
                + Arrays.toString(plan.backwardOrder) + "]";
    }
}

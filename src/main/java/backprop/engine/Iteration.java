package backprop.engine;

import backprop.engine.Graph.Kind;
import backprop.engine.Graph.Node;
import backprop.engine.Step.BackwardStep;
import backprop.engine.Step.EdgeGradient;
import backprop.engine.Step.ForwardStep;
import backprop.engine.Step.LossStep;
import backprop.engine.Step.UpdateStep;
import backprop.engine.op.Op;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
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
    private final ArrayDeque<Step> pending = new ArrayDeque<>();
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
            return pending.poll();
        }
        return switch (phase) {
            case FORWARD -> forward(plan.forwardOrder[cursor++]);
            case LOSS -> loss();
            case BACKWARD -> {
                backward(plan.backwardOrder[cursor++]);
                yield pending.poll();
            }
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
        Tensor[] in = operands(node, values);
        Tensor out;
        try {
            out = node.op().forward(in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("node " + node.name() + ": " + e.getMessage(), e);
        }
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

    /** Queues the steps of one op node's backward pass (two in the eager order, with updates between). */
    private void backward(int id) {
        Node node = graph.node(id);
        Tensor[] in = operands(node, values);
        List<Integer> paramSlots = new ArrayList<>();
        List<Integer> otherSlots = new ArrayList<>();
        for (int slot = 0; slot < in.length; slot++) {
            int input = node.input(slot);
            if (!plan.needsGrad[input]) {
                continue;
            }
            boolean param = graph.node(input).kind() == Kind.PARAM;
            (order == UpdateOrder.EAGER && optimizer != null && param ? paramSlots : otherSlots).add(slot);
        }
        if (paramSlots.isEmpty()) {
            pending.add(edges(node, in, otherSlots));
            return;
        }
        pending.add(edges(node, in, paramSlots));
        paramSlots.stream().mapToInt(node::input).distinct()
                .filter(p -> consumersLeft[p] == 0)
                .forEach(p -> pending.add(update(p)));
        if (!otherSlots.isEmpty()) {
            // eager: the rest of the chain sees the params as they are now, already updated
            Tensor[] current = in.clone();
            for (int slot = 0; slot < current.length; slot++) {
                if (graph.node(node.input(slot)).kind() == Kind.PARAM) {
                    current[slot] = leaves[node.input(slot)];
                }
            }
            pending.add(edges(node, current, otherSlots));
        }
    }

    private BackwardStep edges(Node node, Tensor[] in, List<Integer> slots) {
        Op op = node.op();
        Tensor upstream = grads[node.id()];
        Tensor out = values[node.id()];
        Op.InputGradient[] shares = new Op.InputGradient[slots.size()];
        Tensor[] accumulated = new Tensor[slots.size()];
        for (int k = 0; k < shares.length; k++) {
            int input = node.input(slots.get(k));
            shares[k] = op.backward(slots.get(k), in, out, upstream);
            Tensor g = shares[k].gradient();
            grads[input] = grads[input] == null ? g : add(grads[input], g);
            accumulated[k] = grads[input];
        }
        // a gradient is complete once every consumer has passed its share back
        slots.stream().mapToInt(node::input).distinct().forEach(input -> consumersLeft[input]--);
        List<EdgeGradient> edges = new ArrayList<>(shares.length);
        for (int k = 0; k < shares.length; k++) {
            int input = node.input(slots.get(k));
            boolean lastShare = accumulated[k] == grads[input];
            edges.add(new EdgeGradient(slots.get(k), input, shares[k].localDerivative(), shares[k].gradient(),
                    accumulated[k], lastShare && consumersLeft[input] == 0));
        }
        return new BackwardStep(node.id(), upstream, List.copyOf(edges));
    }

    private void enterUpdatePhase() {
        phase = Phase.DONE;
        if (optimizer == null || order == UpdateOrder.EAGER) {
            return;
        }
        for (int p : plan.updatableParams) {
            pending.add(update(p));
        }
    }

    private UpdateStep update(int p) {
        Tensor before = leaves[p];
        Optimizer.Update u = optimizer.update(before, grads[p], slots[p] == null ? Optimizer.Slot.EMPTY : slots[p]);
        leaves[p] = u.value();
        slots[p] = u.slot();
        return new UpdateStep(p, before, grads[p], u.value(), u.slot());
    }

    private Tensor[] operands(Node node, Tensor[] source) {
        Tensor[] in = new Tensor[node.inputs().size()];
        for (int slot = 0; slot < in.length; slot++) {
            in[slot] = source[node.input(slot)];
        }
        return in;
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

package backprop.engine;

import java.util.Arrays;

/**
 * The values of a graph's leaves (inputs, params, constants), indexed by node id, plus each param's
 * optimizer memory. Immutable: an edit or an update returns a new state that shares unchanged
 * tensors, so keeping the state of every iteration (for undo and scrubbing) is cheap.
 */
public final class ModelState {
    private final Tensor[] leaves;
    private final Optimizer.Slot[] slots;

    public ModelState(Tensor[] leaves) {
        this(leaves.clone(), new Optimizer.Slot[leaves.length]);
    }

    private ModelState(Tensor[] leaves, Optimizer.Slot[] slots) {
        this.leaves = leaves;
        this.slots = slots;
    }

    public Tensor value(int node) {
        return leaves[node];
    }

    /** The optimizer's memory for a param (velocity, squared-gradient average...), EMPTY before its first update. */
    public Optimizer.Slot slot(int node) {
        Optimizer.Slot s = slots[node];
        return s == null ? Optimizer.Slot.EMPTY : s;
    }

    public ModelState withValue(int node, Tensor value) {
        Tensor[] copy = leaves.clone();
        copy[node] = value;
        return new ModelState(copy, slots);
    }

    public ModelState withUpdate(int node, Tensor value, Optimizer.Slot slot) {
        Tensor[] copy = leaves.clone();
        Optimizer.Slot[] s = slots.clone();
        copy[node] = value;
        s[node] = slot;
        return new ModelState(copy, s);
    }

    /** This state for a graph that extends the one it was made for (new nodes after the old ones, no new leaves). */
    public ModelState resizedFor(Graph g) {
        return new ModelState(java.util.Arrays.copyOf(leaves, g.size()), java.util.Arrays.copyOf(slots, g.size()));
    }

    /** The same leaf values with the optimizer memory forgotten (a new optimizer, a reset). */
    public ModelState withoutOptimizerMemory() {
        return new ModelState(leaves);
    }

    public int size() {
        return leaves.length;
    }

    Tensor[] leavesCopy() {
        return leaves.clone();
    }

    Optimizer.Slot[] slotsCopy() {
        return slots.clone();
    }

    static ModelState of(Tensor[] leaves, Optimizer.Slot[] slots) {
        return new ModelState(leaves.clone(), slots.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelState s && Arrays.equals(leaves, s.leaves) && Arrays.equals(slots, s.slots);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(leaves);
    }
}

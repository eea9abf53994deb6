package backprop.engine;

import backprop.engine.Graph.Kind;
import backprop.engine.Graph.Node;
import backprop.engine.op.Op;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds a {@link Graph}; nodes can only read nodes built before them, which keeps the list topological. */
public final class GraphBuilder {
    private final List<Node> nodes = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final List<Integer> reported = new ArrayList<>();
    private String group;

    /** An input the output is differentiated with respect to (a price, a count). */
    public int input(String name, double value) {
        return input(name, Tensor.scalar(value), true);
    }

    /** An input; data matrices and targets pass {@code requiresGrad = false}. */
    public int input(String name, Tensor value, boolean requiresGrad) {
        return leaf(unique(name), Kind.INPUT, value, requiresGrad);
    }

    public int param(String name, double value) {
        return param(name, Tensor.scalar(value));
    }

    public int param(String name, Tensor value) {
        return leaf(unique(name), Kind.PARAM, value, true);
    }

    public int constant(double value) {
        return leaf(formatConstant(value), Kind.CONST, Tensor.scalar(value), false);
    }

    public int constant(String label, Tensor value) {
        return leaf(label, Kind.CONST, value, false);
    }

    /** An op node named by the user. */
    public int op(String name, Op op, int... inputs) {
        return add(unique(name), op, inputs);
    }

    /** An unnamed op node, labelled by the expression it computes. */
    public int anonymous(String expression, Op op, int... inputs) {
        return add(expression, op, inputs);
    }

    /** Nodes built from now on belong to this unit of a neuron drawing (null ends the unit). */
    public GraphBuilder group(String name) {
        group = name;
        return this;
    }

    /** Report this node's value on every training pass. */
    public GraphBuilder report(int id) {
        reported.add(id);
        return this;
    }

    public boolean isLeaf(int id) {
        return nodes.get(id).isLeaf();
    }

    /** Gives an unnamed op node the user's name (the statement y = a * b names the product y). */
    public int rename(int id, String name) {
        Node n = nodes.get(id);
        nodes.set(id, new Node(id, unique(name), n.kind(), n.op(), n.inputs(), n.initialValue(), n.requiresGrad(),
                n.group()));
        return id;
    }

    public Graph build(int output) {
        if (output < 0 || output >= nodes.size()) {
            throw new IllegalArgumentException("no node " + output);
        }
        return new Graph(nodes, output, reported);
    }

    private int leaf(String name, Kind kind, Tensor value, boolean requiresGrad) {
        int id = nodes.size();
        nodes.add(new Node(id, name, kind, null, List.of(), value, requiresGrad, group));
        return id;
    }

    private int add(String name, Op op, int... inputs) {
        if (inputs.length != op.arity()) {
            throw new IllegalArgumentException(op.opName() + " takes " + op.arity() + " inputs, got " + inputs.length);
        }
        List<Integer> ins = new ArrayList<>();
        for (int in : inputs) {
            if (in < 0 || in >= nodes.size()) {
                throw new IllegalArgumentException("node " + name + " reads node " + in + ", which does not exist yet");
            }
            ins.add(in);
        }
        int id = nodes.size();
        nodes.add(new Node(id, name, Kind.OP, op, ins, null, false, group));
        return id;
    }

    private String unique(String name) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("the name " + name + " is used twice");
        }
        return name;
    }

    /**
     * The same graph with an L2 penalty on every param added to its output:
     * output' = output + decay, decay = λ/2 · Σ_p Σ p² (one node reading every param). Existing nodes keep
     * their ids, so a state of {@code g} carries over (see {@link ModelState#resizedFor}).
     */
    public static Graph withWeightDecay(Graph g, double lambda) {
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("λ must be a positive number, got " + lambda);
        }
        GraphBuilder b = new GraphBuilder();
        b.nodes.addAll(g.nodes());
        g.nodes().stream().filter(Graph.Node::isNamed).forEach(n -> b.names.add(n.name()));
        b.reported.addAll(g.reported());
        int[] params = g.params().stream().mapToInt(Graph.Node::id).toArray();
        if (params.length == 0) {
            return g; // nothing to decay
        }
        int decay = b.anonymous("decay", new backprop.engine.op.WeightDecay(lambda, params.length), params);
        int total = b.anonymous(g.node(g.output()).name() + " + decay", backprop.engine.op.Elementwise.ADD, g.output(), decay);
        return b.build(total);
    }

    /** 2 rather than 2.0, 0.1 as 0.1: literals shown as a student wrote them. */
    public static String formatConstant(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        // 1e-8 rather than Java's 1.0E-8
        return Double.toString(v).replace(".0E", "E").replace("E", "e");
    }
}

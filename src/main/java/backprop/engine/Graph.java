package backprop.engine;

import backprop.engine.op.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An immutable computational graph. Node ids are their positions in {@link #nodes()}, and every
 * node's inputs come before it, so the node list is a topological order. Leaves carry their
 * initial values; the values in use during a run live in a {@link ModelState}.
 */
public final class Graph {
    /** A name of the formula language, as its Lexer reads one: any letter (价格, μ too) or _, then letters, digits, _. */
    public static boolean isName(String s) {
        return !s.isEmpty() && isNameStart(s.charAt(0)) && s.chars().allMatch(Graph::isNamePart);
    }

    public static boolean isNameStart(int c) {
        return Character.isLetter(c) || c == '_';
    }

    public static boolean isNamePart(int c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private final List<Node> nodes;
    private final int output;
    private final List<Integer> reported;
    private final int[][] consumers;

    Graph(List<Node> nodes, int output, List<Integer> reported) {
        this.nodes = List.copyOf(nodes);
        this.output = output;
        this.reported = List.copyOf(reported);
        List<List<Integer>> users = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            users.add(new ArrayList<>());
        }
        for (Node n : nodes) {
            for (int in : n.inputs()) {
                if (!users.get(in).contains(n.id())) {
                    users.get(in).add(n.id());
                }
            }
        }
        consumers = new int[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            consumers[i] = users.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    public List<Node> nodes() {
        return nodes;
    }

    public Node node(int id) {
        return nodes.get(id);
    }

    public int size() {
        return nodes.size();
    }

    /** The node that is differentiated: the loss when training, the result of a formula otherwise. */
    public int output() {
        return output;
    }

    /** Nodes whose values a training run reports per pass (the prediction y of seed 000, say). */
    public List<Integer> reported() {
        return reported;
    }

    /** Ids of the op nodes that read node {@code id}, each once, in id order. */
    public int[] consumers(int id) {
        return consumers[id].clone();
    }

    public int consumerCount(int id) {
        return consumers[id].length;
    }

    public Optional<Node> byName(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public List<Node> params() {
        return nodes.stream().filter(n -> n.kind() == Kind.PARAM).toList();
    }

    /** Inputs and params: the leaves a user can name and edit (constants excluded). */
    public List<Node> namedLeaves() {
        return nodes.stream().filter(n -> n.kind() == Kind.INPUT || n.kind() == Kind.PARAM).toList();
    }

    public ModelState initialState() {
        Tensor[] leaves = new Tensor[nodes.size()];
        for (Node n : nodes) {
            if (n.isLeaf()) {
                leaves[n.id()] = n.initialValue();
            }
        }
        return new ModelState(leaves);
    }

    public enum Kind {
        /** Data or a value the user sets (apple price, x, target t). */
        INPUT,
        /** A trainable weight. */
        PARAM,
        /** A literal of a formula (the 1 of 1 + e⁻ˣ). */
        CONST,
        /** The output of an {@link Op}. */
        OP
    }

    /**
     * A node of the graph.
     *
     * @param name         unique among named nodes; for an unnamed op node, the expression it computes
     * @param inputs       ids of the operands, for OP nodes
     * @param initialValue for leaves
     * @param requiresGrad for leaves: whether ∂output/∂leaf is computed (false for data and constants)
     * @param group        the unit a node belongs to in a neuron drawing ("h1"), or null
     */
    public record Node(int id, String name, Kind kind, Op op, List<Integer> inputs, Tensor initialValue,
                       boolean requiresGrad, String group) {
        public Node {
            inputs = Collections.unmodifiableList(new ArrayList<>(inputs));
        }

        public boolean isLeaf() {
            return kind != Kind.OP;
        }

        /** Whether a user or scenario named the node; unnamed op nodes carry the expression they compute. */
        public boolean isNamed() {
            return kind != Kind.CONST && isName(name);
        }

        public int input(int slot) {
            return inputs.get(slot);
        }
    }
}

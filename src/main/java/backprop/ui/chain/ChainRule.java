package backprop.ui.chain;

import backprop.engine.Graph;
import backprop.engine.Graph.Node;
import backprop.engine.Optimizer;
import backprop.engine.Step;
import backprop.engine.Step.BackwardStep;
import backprop.engine.Step.EdgeGradient;
import backprop.engine.Step.ForwardStep;
import backprop.engine.Step.LossStep;
import backprop.engine.Step.UpdateStep;
import backprop.engine.Tensor;
import backprop.engine.Trace;
import backprop.ui.text.Numbers;
import backprop.ui.text.Tex;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the chain rule of the current step with the trace's numbers filled in. Every number comes
 * from a step record; nothing is recomputed except the products shown, which are the trace's own
 * local derivatives multiplied as the formula says.
 */
public final class ChainRule {
    /** Colours of the terms of a sum; the graph view paints each term's edge in the same colour. */
    public static final List<String> TERM_COLOURS = List.of("#1565c0", "#2e7d32", "#6a1b9a", "#ad1457", "#00838f", "#ef6c00");

    private final Trace trace;
    private final Graph graph;
    private final int applied;
    private final String out;
    private final Focus focus;
    /** The line written for the chosen element, once written. */
    private String focusedLine;

    /**
     * One element of a matrix the user chose (a weight's line, a cell, a heat map's element): its
     * gradient's sum of products and its update are written for it, not for the matrix's first entries.
     */
    public record Focus(int node, int element) {
    }

    private ChainRule(Trace trace, int applied, Focus focus) {
        this.trace = trace;
        this.graph = trace.graph();
        this.applied = applied;
        this.out = graph.node(graph.output()).name();
        this.focus = focus;
    }

    /** The explanation after the first {@code applied} steps of {@code trace}. */
    public static Explanation at(Trace trace, int applied, Optimizer optimizer) {
        return at(trace, applied, optimizer, null);
    }

    /** The same, written for the chosen element {@code focus} of a matrix where it is concerned (null: none). */
    public static Explanation at(Trace trace, int applied, Optimizer optimizer, Focus focus) {
        return new ChainRule(trace, applied, focus).explain(optimizer);
    }

    /** The chosen element of {@code node}'s value {@code t} as {row, column}, or null where none is chosen. */
    private int[] focusIn(int node, Tensor t) {
        if (focus == null || focus.node() != node || t.isScalar() || focus.element() < 0 || focus.element() >= t.size()) {
            return null;
        }
        return new int[] {focus.element() / t.cols(), focus.element() % t.cols()};
    }

    /** The entries a matrix too big to write out is shown by: the chosen one, else the first two. */
    private int[][] entriesShown(int node, Tensor t) {
        int[] chosen = focusIn(node, t);
        return chosen != null ? new int[][] {chosen} : firstEntries(t);
    }

    private Explanation explain(Optimizer optimizer) {
        Explanation x = explainStep(optimizer);
        return focusedLine == null ? x : new Explanation(x.title(), x.lines(), x.terms(), x.lines().indexOf(focusedLine));
    }

    private Explanation explainStep(Optimizer optimizer) {
        if (applied == 0) {
            return new Explanation("Press → to compute the first node", List.of(), List.of()); // nothing computed: no formula
        }
        Step step = trace.step(applied - 1);
        if (step instanceof ForwardStep f) {
            return forward(f);
        }
        if (step instanceof LossStep l) {
            return new Explanation("Output " + out + " = " + Numbers.format(l.value()) + "; backward starts with 1"
                    + notFinite(l.value()),
                    List.of(Tex.name(out) + " = " + result(l.value()) + ", \\qquad " + Tex.partial(out, out) + " = 1"), List.of());
        }
        if (step instanceof BackwardStep b) {
            return backward(b);
        }
        return update((UpdateStep) step, optimizer);
    }

    private Explanation forward(ForwardStep f) {
        Node n = graph.node(f.node());
        String[] names = new String[n.inputs().size()];
        String[] numbers = new String[names.length];
        boolean scalars = f.value().isScalar();
        for (int k = 0; k < names.length; k++) {
            names[k] = Tex.name(graph.node(n.input(k)).name());
            Tensor in = f.inputs().get(k);
            scalars &= in.isScalar();
            numbers[k] = in.isScalar() ? Tex.number(in.scalar()) : names[k];
        }
        String symbolic = Tex.fill(n.op().forwardTex(), names, "");
        StringBuilder tex = new StringBuilder();
        if (n.isNamed()) {
            tex.append(Tex.name(n.name())).append(" = ");
        }
        tex.append(symbolic);
        if (scalars) {
            tex.append(" = ").append(Tex.fill(n.op().forwardTex(), numbers, "")).append(" = ").append(result(f.value()));
        } else if (writtenOut(f.value())) {
            // small matrices (XOR's 4×2 data, 2×3 weights) written out, operands too when they all are
            boolean operands = f.inputs().stream().allMatch(ChainRule::writtenOut);
            if (operands) {
                String[] matrices = f.inputs().stream().map(ChainRule::value).toArray(String[]::new);
                tex.append(" = ").append(Tex.fill(n.op().forwardTex(), matrices, ""));
            }
            tex.append(" = ").append(result(f.value()));
        } else {
            tex.append(" \\quad (").append(shape(f.value())).append(")");
        }
        List<String> lines = new ArrayList<>(List.of(tex.toString()));
        String chosen = forwardEntry(f);
        if (chosen != null) {
            lines.add(chosen);
            focusedLine = chosen;
        }
        return new Explanation("Forward: " + n.name() + " = " + Numbers.format(f.value()) + notFinite(f.value()), lines, List.of());
    }

    /**
     * The chosen element of an elementwise op's output: the op on its operands' entries (XOR: act_{2,3} =
     * σ(z_{2,3}) = σ(0.66) = 0.659), a scalar operand as it is; null for an operand of another shape.
     */
    private String elementwiseEntry(ForwardStep f, int r, int c) {
        Node n = graph.node(f.node());
        String[] names = new String[f.inputs().size()];
        String[] numbers = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            Tensor in = f.inputs().get(i);
            if (!in.isScalar() && (in.rows() != f.value().rows() || in.cols() != f.value().cols())) {
                return null; // an operand of another shape: no entry of its own to name
            }
            String name = Tex.name(graph.node(n.input(i)).name());
            names[i] = in.isScalar() ? name : entry(name, in, r + 1 + "", c + 1 + "");
            numbers[i] = Tex.number(in.isScalar() ? in.scalar() : in.get(r, c));
        }
        String template = n.op().forwardTex();
        return entry(Tex.name(n.name()), f.value(), r + 1 + "", c + 1 + "") + " = " + Tex.fill(template, names, "")
                + " = " + Tex.fill(template, numbers, "") + " = " + Tex.result(f.value().get(r, c));
    }

    /**
     * The chosen element of a product's output as the sum it is, with this step's numbers (seed 002:
     * h_5 = Σ_k x_k W1_{k,5} = 0.1 × 0.1 + … = 0.55; an affine layer adds its bias), or null: no element
     * of this node chosen, another op, or more than {@link #CHOSEN_ENTRY_TERMS} products.
     */
    private String forwardEntry(ForwardStep f) {
        Node n = graph.node(f.node());
        int[] rc = focusIn(f.node(), f.value());
        if (rc != null && n.op() instanceof backprop.engine.op.Elementwise) {
            return elementwiseEntry(f, rc[0], rc[1]);
        }
        boolean product = n.op() == backprop.engine.op.MatMul.INSTANCE || n.op() == backprop.engine.op.Affine.INSTANCE;
        if (rc == null || !product || f.inputs().get(0).cols() > CHOSEN_ENTRY_TERMS) {
            return null;
        }
        Tensor x = f.inputs().get(0);
        Tensor w = f.inputs().get(1);
        int r = rc[0];
        int c = rc[1];
        String xName = Tex.name(graph.node(n.input(0)).name());
        String wName = Tex.name(graph.node(n.input(1)).name());
        String k = x.cols() == 1 ? "1" : "k";
        StringBuilder symbolic = new StringBuilder(x.cols() == 1 ? "" : "\\sum_{k} ")
                .append(entry(xName, x, r + 1 + "", k)).append(" ").append(entry(wName, w, k, c + 1 + ""));
        List<String> products = new ArrayList<>();
        for (int i = 0; i < x.cols(); i++) {
            products.add(Tex.number(x.get(r, i)) + " \\times " + Tex.number(w.get(i, c)));
        }
        if (n.op() == backprop.engine.op.Affine.INSTANCE) {
            Tensor b = f.inputs().get(2);
            String bName = Tex.name(graph.node(n.input(2)).name());
            double bias = b.isScalar() ? b.scalar() : b.get(0, c);
            symbolic.append(" + ").append(b.isScalar() ? bName : entry(bName, b, "1", c + 1 + ""));
            products.add(Tex.number(bias));
        }
        return entry(Tex.name(n.name()), f.value(), r + 1 + "", c + 1 + "") + " = " + symbolic + " = "
                + String.join(" + ", products) + " = " + Tex.result(f.value().get(r, c));
    }

    /**
     * Says why a value is not a number, or "" for a finite one: x = 0; y = log(x) + 1/x stepped to
     * y = NaN without a word, and a class would look for an error in the app.
     */
    static String notFinite(Tensor t) {
        boolean nan = false;
        boolean infinite = false;
        for (int k = 0; k < t.size(); k++) {
            nan |= Double.isNaN(t.at(k));
            infinite |= Double.isInfinite(t.at(k));
        }
        if (nan) {
            return " (NaN: not a number, as 0/0, ∞ − ∞ or 0 · ∞ give; it stays NaN through everything after it)";
        }
        return infinite ? " (∞: too big for a number, as 1/0, log 0 or exp 1000 give)" : "";
    }

    private Explanation backward(BackwardStep b) {
        Node v = graph.node(b.node());
        List<String> lines = new ArrayList<>();
        List<Explanation.Term> terms = new ArrayList<>();
        StringBuilder title = new StringBuilder("Backward through " + v.name() + ": ");
        for (EdgeGradient e : b.edges()) {
            Node u = graph.node(e.input());
            // one consumer's share of a value that has several is labelled with the consumer: the whole
            // gradient is the sum written after the shares
            String lhs = Tex.partial(out, u.name())
                    + (graph.consumerCount(u.id()) > 1 || sharesOf(u.id()).size() > 1 ? "_{" + termLabel(v, e) + "}" : "");
            String rule = Tex.partial(out, v.name()) + " \\cdot " + local(v, u);
            String localSymbolic = localSymbolic(v, e.slot());
            if (e.localDerivative() != null && b.upstreamGrad().isScalar() && e.localDerivative().isScalar()) {
                lines.add(lhs + " = " + rule + " = " + value(b.upstreamGrad()) + " \\times " + value(e.localDerivative())
                        + " = " + result(e.contribution()));
            } else if (e.localDerivative() == null && v.op().gradientTex(e.slot()) != null) {
                lines.addAll(matrixProduct(lhs, b, e));
            } else {
                lines.add(lhs + " = " + elementwise(b, e, localSymbolic));
            }
            title.append(u.name()).append(" gets ").append(Numbers.format(e.contribution())).append("; ");
            if (lastEdgeTo(b, e)) { // a value read twice by this op gets one sum, after both its lines
                List<ShareOf> shares = sharesOf(u.id());
                if (shares.size() > 1 || graph.consumerCount(u.id()) > 1) {
                    lines.add(sum(u, shares, e.complete(), terms));
                }
                if (e.complete() && u.isLeaf()) {
                    String path = pathProduct(u);
                    if (path != null) {
                        lines.add(path);
                    }
                }
            }
        }
        String eager = updatedOperands(v);
        if (eager != null) {
            lines.add(eager);
        }
        String note = b.edges().stream().map(e -> notFinite(e.contribution())).filter(x -> !x.isEmpty()).findFirst().orElse("");
        return new Explanation(title.substring(0, title.length() - 2) + note, lines, terms);
    }

    /**
     * A matrix op's share as seed 001 writes the dot node's ("∂L/∂W = Xᵀ · ∂L/∂Y"), with the numbers
     * of its factors when every one is small enough to write out, else the share's shape. The operands
     * are the values this step used (in the eager order, a param already updated).
     */
    private List<String> matrixProduct(String lhs, BackwardStep b, EdgeGradient e) {
        Node v = graph.node(b.node());
        String template = v.op().gradientTex(e.slot());
        String[] names = new String[v.inputs().size()];
        String[] numbers = new String[names.length];
        Tensor[] used = new Tensor[names.length];
        boolean small = writtenOut(b.upstreamGrad()) && writtenOut(e.contribution());
        Trace.Frame before = trace.frameAt(applied - 1);
        for (int k = 0; k < names.length; k++) {
            Node operand = graph.node(v.input(k));
            names[k] = Tex.name(operand.name());
            used[k] = operand.isLeaf() ? before.leaf(operand.id()) : before.value(operand.id());
            numbers[k] = names[k]; // an operand the formula does not use
            if (template.contains("#" + k)) {
                small &= writtenOut(used[k]);
                numbers[k] = value(used[k]);
            }
        }
        String symbolic = lhs + " = " + Tex.fill(template.replace("#g", Tex.partial(out, v.name())), names, "");
        if (small) {
            String whole = symbolic + " = " + Tex.fill(template.replace("#g", value(b.upstreamGrad())), numbers, "")
                    + " = " + result(e.contribution());
            int[] chosen = focusIn(e.input(), e.contribution());
            if (chosen == null) {
                return List.of(whole);
            }
            List<String> lines = new ArrayList<>(List.of(whole)); // and the chosen entry's sum of products
            lines.addAll(entries(b, e, used, new int[][] {chosen}));
            return lines;
        }
        if (e.contribution().isScalar()) { // a bias of one entry: its number
            return List.of(symbolic + " = " + result(e.contribution()));
        }
        List<String> lines = new ArrayList<>();
        lines.add(symbolic + " \\quad (" + shape(e.contribution()) + ")");
        lines.addAll(entries(b, e, used, entriesShown(e.input(), e.contribution())));
        return lines;
    }

    /** A sum of products written out for an entry of a share too big to write whole, up to this many products. */
    static final int ENTRY_TERMS = 4;
    /**
     * The same for the entry of the element the user chose: one line, so it may be longer (logistic
     * regression's ∂L/∂w_i, a sum over its ten points; seed 002's scores_j, over its twenty hidden units).
     */
    static final int CHOSEN_ENTRY_TERMS = 20;

    /**
     * Entries of a matrix op's share too big to write whole, each the sum of products it is, with the
     * numbers this step used (seed 002: ∂E/∂w_ij = x_i · ∂E/∂net_j): the entries {@code at} (the chosen
     * one, or the first two of its first row or column), when each is a sum of at most
     * {@link #ENTRY_TERMS} products. The value after the last "=" is the trace's.
     */
    private List<String> entries(BackwardStep b, EdgeGradient e, Tensor[] used, int[][] at) {
        Node v = graph.node(b.node());
        Tensor share = e.contribution();
        Tensor g = b.upstreamGrad();
        String lhs = Tex.partial(out, graph.node(e.input()).name());
        String up = Tex.partial(out, v.name());
        List<String> lines = new ArrayList<>();
        // slot 0: ∂L/∂x = g·Wᵀ, entry (r, c) = Σ_m g[r,m] W[c,m]; slot 1: ∂L/∂W = xᵀ·g, entry (r, c) =
        // Σ_n x[n,r] g[n,c]; a bias: ∂L/∂b = 1ᵀ·g, entry c = Σ_n g[n,c]
        int terms = e.slot() == 0 ? g.cols() : g.rows();
        boolean chosen = at.length == 1 && java.util.Arrays.equals(at[0], focusIn(e.input(), share));
        if (terms > (chosen ? CHOSEN_ENTRY_TERMS : ENTRY_TERMS)) {
            return List.of();
        }
        String k = terms == 1 ? "1" : e.slot() == 0 ? "m" : "n";
        String sum = terms == 1 ? "" : "\\sum_{" + k + "} ";
        for (int[] rc : at) {
            int r = rc[0];
            int c = rc[1];
            String symbolic;
            List<String> products = new ArrayList<>();
            if (e.slot() == 0) {
                Tensor w = used[1];
                symbolic = entry(up, g, r + 1 + "", k) + " " + entry(Tex.name(graph.node(v.input(1)).name()), w, c + 1 + "", k);
                for (int m = 0; m < terms; m++) {
                    products.add(Tex.number(g.get(r, m)) + " \\times " + Tex.number(w.get(c, m)));
                }
            } else if (e.slot() == 1) {
                Tensor x = used[0];
                symbolic = entry(Tex.name(graph.node(v.input(0)).name()), x, k, r + 1 + "") + " " + entry(up, g, k, c + 1 + "");
                for (int n = 0; n < terms; n++) {
                    products.add(Tex.number(x.get(n, r)) + " \\times " + Tex.number(g.get(n, c)));
                }
            } else {
                symbolic = entry(up, g, k, c + 1 + "");
                for (int n = 0; n < terms; n++) {
                    products.add(Tex.number(g.get(n, c)));
                }
            }
            lines.add(entry(lhs, share, r + 1 + "", c + 1 + "") + " = " + sum + symbolic + " = "
                    + String.join(" + ", products) + " = " + Tex.result(share.get(r, c)));
            if (java.util.Arrays.equals(rc, focusIn(e.input(), share))) {
                focusedLine = lines.get(lines.size() - 1);
            }
        }
        return lines;
    }

    /** [name]_{i,j}, one index for a row or column vector. */
    private static String entry(String name, Tensor t, String row, String col) {
        String index = t.rows() == 1 ? col : t.cols() == 1 ? row : row + "," + col;
        return "\\left[" + name + "\\right]_{" + index + "}";
    }

    /**
     * An elementwise op's (or a loss's) share on matrices: upstream ⊙ local, entry by entry (a scalar
     * upstream, the loss's 1, multiplies every entry), numbers written out when the matrices are small.
     */
    private String elementwise(BackwardStep b, EdgeGradient e, String localSymbolic) {
        Node v = graph.node(b.node());
        Node u = graph.node(e.input());
        boolean scalarUpstream = b.upstreamGrad().isScalar();
        String times = scalarUpstream ? " \\cdot " : " \\odot ";
        String local = local(v, u);
        String rule = Tex.partial(out, v.name()) + times + local;
        if (scalarUpstream && differentiatesTheExpression(v, u)) {
            // the upstream is the output's own 1: the local derivative's formula is the share's,
            // written once (the output's local symbol is already the whole expression)
            return rule + " = " + localSymbolic + (writtenOut(e.contribution()) ? " = " + result(e.contribution())
                    : " \\quad (" + shape(e.contribution()) + ")");
        }
        String note = " \\quad \\left(" + local + " = " + localSymbolic + "\\right)";
        if (!writtenOut(e.contribution())) {
            return rule + note + " \\quad (" + shape(e.contribution()) + ")";
        }
        String factors = scalarUpstream || e.localDerivative() == null ? ""
                : " = " + value(b.upstreamGrad()) + times + value(e.localDerivative());
        return rule + factors + " = " + result(e.contribution()) + note;
    }

    /**
     * In the eager order (seed 000's code) this op's weights were updated just before this step, and
     * the gradients it passes on use the new values: say so, with both values.
     */
    private String updatedOperands(Node v) {
        List<String> notes = new ArrayList<>();
        for (int i = applied - 2; i >= 0 && trace.step(i) instanceof UpdateStep u; i--) {
            if (v.inputs().contains(u.node())) {
                notes.add(0, Tex.name(graph.node(u.node()).name()) + ": " + result(u.before()) + " \\to " + result(u.after()));
            }
        }
        return notes.isEmpty() ? null
                : "\\text{eager order: already updated, so used here: }" + String.join(",\\ ", notes);
    }

    private static boolean lastEdgeTo(BackwardStep b, EdgeGradient e) {
        for (int k = b.edges().size() - 1; k >= 0; k--) {
            if (b.edges().get(k).input() == e.input()) {
                return b.edges().get(k) == e;
            }
        }
        return false;
    }

    private String localSymbolic(Node v, int slot) {
        return Tex.fill(v.op().localDerivativeTex(slot), operandNames(v), Tex.name(v.name()));
    }

    private String[] operandNames(Node v) {
        String[] names = new String[v.inputs().size()];
        for (int k = 0; k < names.length; k++) {
            names[k] = Tex.name(graph.node(v.input(k)).name());
        }
        return names;
    }

    /**
     * The local derivative of consumer {@code v} with respect to its input {@code u}: ∂v/∂u, or the op's
     * expression differentiated (see {@link #differentiatesTheExpression}).
     */
    private String local(Node v, Node u) {
        if (!differentiatesTheExpression(v, u)) {
            return Tex.partial(v.name(), u.name());
        }
        String expression = Tex.fill(v.op().forwardTex(), operandNames(v), "");
        String numerator = Tex.isOneCallTex(expression) ? expression : "\\left(" + expression + "\\right)";
        return "\\frac{\\partial " + numerator + "}{\\partial " + Tex.name(u.name()) + "}";
    }

    /**
     * At the output, ∂y/∂x is also the symbol of the total gradient. Where the two differ (u has other
     * consumers: a sum would read ∂y/∂x = ∂y/∂y ∂y/∂x + …), and where the output's operands all have
     * short names (a loss: ∂(½Σ(y5 − t)²)/∂y5), the op's expression is differentiated, as the issue
     * writes ∂(apple·n)/∂apple; otherwise (apples and oranges: an expression of two lines) ∂y/∂x.
     */
    private boolean differentiatesTheExpression(Node v, Node u) {
        if (v.id() != graph.output()) {
            return false;
        }
        boolean sum = graph.consumerCount(u.id()) > 1 || readsTwice(v, u.id());
        return sum || v.inputs().stream().allMatch(in -> graph.node(in).isNamed() || graph.node(in).isLeaf());
    }

    /** Whether op {@code v} reads {@code input} as two of its operands (x · x). */
    private static boolean readsTwice(Node v, int input) {
        return v.inputs().stream().filter(in -> in == input).count() > 1;
    }

    private record ShareOf(int consumer, EdgeGradient edge) {
    }

    /** Every gradient share that has reached node {@code u} so far, in trace order. */
    private List<ShareOf> sharesOf(int u) {
        List<ShareOf> shares = new ArrayList<>();
        for (int i = 0; i < applied; i++) {
            if (trace.step(i) instanceof BackwardStep b) {
                for (EdgeGradient e : b.edges()) {
                    if (e.input() == u) {
                        shares.add(new ShareOf(b.node(), e));
                    }
                }
            }
        }
        return shares;
    }

    private String termLabel(Node v, EdgeGradient e) {
        // x * x reads x twice: its two shares are told apart by the operand they come through
        return "\\text{via } " + Tex.name(v.name()) + (readsTwice(v, e.input()) ? "\\text{, operand " + (e.slot() + 1) + "}" : "");
    }

    /** ∂L/∂u = Σ over consumers, each term in its own colour, "+ …" for consumers still to come. */
    private String sum(Node u, List<ShareOf> shares, boolean complete, List<Explanation.Term> terms) {
        StringBuilder symbolic = new StringBuilder();
        StringBuilder numbers = new StringBuilder();
        for (int k = 0; k < shares.size(); k++) {
            ShareOf s = shares.get(k);
            String colour = TERM_COLOURS.get(k % TERM_COLOURS.size());
            terms.add(new Explanation.Term(new EdgeRef(s.consumer(), s.edge().slot()), k % TERM_COLOURS.size()));
            Node c = graph.node(s.consumer());
            String term = Tex.partial(out, c.name()) + local(c, u);
            symbolic.append(k == 0 ? "" : " + ").append("\\textcolor{").append(colour).append("}{").append(term).append('}');
            numbers.append(k == 0 ? "" : " + ").append("\\textcolor{").append(colour).append("}{")
                    .append(value(s.edge().contribution())).append('}');
        }
        if (!complete) {
            symbolic.append(" + \\ldots");
            numbers.append(" + \\ldots");
        }
        String total = complete ? " = " + result(shares.get(shares.size() - 1).edge().accumulated()) : "";
        return Tex.partial(out, u.name()) + " = " + symbolic + " = " + numbers + total;
    }

    /**
     * For a leaf with one path to the output, the whole chain as seed 000 writes it:
     * ∂E/∂w13 = ∂E/∂y5 · ∂y5/∂z5 · ∂z5/∂y3 · ∂y3/∂z3 · ∂z3/∂w13, with the trace's local derivatives.
     * Unnamed nodes inside a unit (the products and partial sums of a neuron) fold into their neighbours.
     */
    private String pathProduct(Node leaf) {
        List<Integer> path = new ArrayList<>();
        int cur = leaf.id();
        path.add(cur);
        while (cur != graph.output()) {
            int[] consumers = graph.consumers(cur);
            if (consumers.length != 1) {
                return null;
            }
            cur = consumers[0];
            path.add(cur);
        }
        if (path.size() < 3) {
            return null; // one factor is already the step's own line
        }
        List<String> symbols = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        int from = path.get(path.size() - 1);
        double factor = 1;
        double product = 1;
        for (int k = path.size() - 2; k >= 0; k--) {
            int node = path.get(k);
            Double local = localDerivative(path.get(k + 1), node);
            if (local == null) {
                return null;
            }
            factor *= local;
            if (shown(graph.node(node)) || k == 0) {
                symbols.add(Tex.partial(graph.node(from).name(), graph.node(node).name()));
                numbers.add(Tex.number(factor));
                product *= factor;
                factor = 1;
                from = node;
            }
        }
        if (symbols.size() < 3) {
            return null; // two factors are what the step's own line already says
        }
        // "·" between the factors: four fractions side by side read as four expressions (sigmoid, node by node)
        return Tex.partial(out, leaf.name()) + " = " + String.join(" \\cdot ", symbols) + " = "
                + String.join(" \\times ", numbers) + " = " + Tex.result(product);
    }

    private boolean shown(Node n) {
        return n.isNamed() || n.group() == null;
    }

    /** The local derivative the trace recorded on the edge input → consumer. */
    private Double localDerivative(int consumer, int input) {
        for (int i = 0; i < applied; i++) {
            if (trace.step(i) instanceof BackwardStep b && b.node() == consumer) {
                for (EdgeGradient e : b.edges()) {
                    if (e.input() == input && e.localDerivative() != null && e.localDerivative().isScalar()) {
                        return e.localDerivative().scalar();
                    }
                }
            }
        }
        return null;
    }

    private Explanation update(UpdateStep u, Optimizer optimizer) {
        String w = Tex.name(graph.node(u.node()).name());
        List<String> lines = new ArrayList<>();
        if (optimizer != null) {
            lines.add(optimizerTex(optimizer));
        }
        lines.add(w + ": " + result(u.before()) + " \\;\\longrightarrow\\; " + result(u.after())
                + " \\qquad g = " + Tex.partial(out, graph.node(u.node()).name()) + " = " + result(u.gradient()));
        int[] chosen = focusIn(u.node(), u.before());
        if (chosen != null) { // the element the user chose, small matrix or big
            focusedLine = updateOf(u, optimizer, w, chosen[0], chosen[1]);
            lines.add(focusedLine);
        } else if (u.before().isScalar() ? optimizer instanceof Optimizer.Sgd : !writtenOut(u.before())) {
            // SGD's rule with this step's numbers, or a big matrix's first entries (a scalar's or a small
            // matrix's numbers are all in the line above already)
            for (int[] rc : u.before().isScalar() ? new int[][] {{0, 0}} : firstEntries(u.before())) {
                lines.add(updateOf(u, optimizer, w, rc[0], rc[1]));
            }
        }
        return new Explanation("Update " + graph.node(u.node()).name() + ": " + Numbers.format(u.before()) + " → "
                + Numbers.format(u.after()), lines, List.of());
    }

    /**
     * One entry's update: with SGD the rule's arithmetic, w − η·g = w', else its value before and after
     * and its gradient. Every number is the step's; w' is the trace's, not recomputed.
     */
    private static String updateOf(UpdateStep u, Optimizer optimizer, String w, int r, int c) {
        String name = u.before().isScalar() ? w : entry(w, u.before(), r + 1 + "", c + 1 + "");
        double before = u.before().get(r, c);
        double g = u.gradient().get(r, c);
        double after = u.after().get(r, c);
        if (optimizer instanceof Optimizer.Sgd sgd) {
            return name + " \\leftarrow " + Tex.result(before) + " - " + Tex.number(sgd.learningRate()) + " \\times "
                    + Tex.number(g) + " = " + Tex.result(after);
        }
        return name + ": " + Tex.result(before) + " \\;\\longrightarrow\\; " + Tex.result(after) + " \\qquad g = " + Tex.result(g);
    }

    /** The entries a matrix too big to write out is shown by: the first two of its first row, or of its column. */
    private static int[][] firstEntries(Tensor t) {
        return t.cols() >= 2 ? new int[][] {{0, 0}, {0, 1}} : t.rows() >= 2 ? new int[][] {{0, 0}, {1, 0}} : new int[][] {{0, 0}};
    }

    /**
     * "RMSprop η=0.1, β=0.999, ε=0.01: rule" in the symbols of the rule. Its only break points are the
     * " \\quad "s after the colon and between the rule's parts (no " = " in the settings), so a narrow
     * panel moves the rest of the rule under its start instead of scaling the line down.
     */
    static String optimizerTex(Optimizer optimizer) {
        StringBuilder b = new StringBuilder("\\text{").append(optimizer.title()).append("}\\ \\ ");
        String comma = "";
        for (Optimizer.Setting s : optimizer.settings()) {
            // a value in braces: a narrow panel never breaks a row inside "1 × 10^{-8}"
            b.append(comma).append(s.tex()).append("={").append(Tex.result(s.value())).append('}');
            comma = ",\\ ";
        }
        return b.append(": \\quad ").append(optimizer.ruleTex()).toString();
    }

    /** Matrices up to this many rows and columns are written out, number by number; larger ones by their shape. */
    static final int WRITTEN_OUT = 4;
    /** Significant digits of a written-out matrix's numbers: a 4×3 matrix must fit beside two others. */
    static final int MATRIX_DIGITS = 3;

    private static String value(Tensor t) {
        if (t.isScalar()) {
            return Tex.number(t.scalar());
        }
        return writtenOut(t) ? matrix(t) : "[" + shape(t) + "]";
    }

    /** A value that stands alone (after the last "=", before or after an update): a negative number needs no parentheses. */
    private static String result(Tensor t) {
        return t.isScalar() ? Tex.result(t.scalar()) : value(t);
    }

    private static boolean writtenOut(Tensor t) {
        return t.rows() <= WRITTEN_OUT && t.cols() <= WRITTEN_OUT;
    }

    private static String matrix(Tensor t) {
        StringBuilder tex = new StringBuilder("\\begin{bmatrix}");
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < t.cols(); c++) {
                tex.append(c == 0 ? "" : " & ").append(Tex.cell(t.get(r, c), MATRIX_DIGITS));
            }
            tex.append(r == t.rows() - 1 ? "" : " \\\\ ");
        }
        return tex.append("\\end{bmatrix}").toString();
    }

    private static String shape(Tensor t) {
        return t.rows() + " \\times " + t.cols();
    }
}

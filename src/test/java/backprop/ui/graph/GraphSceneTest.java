package backprop.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.Graph;
import backprop.scenarios.Scenarios;
import backprop.ui.chain.EdgeRef;
import org.junit.jupiter.api.Test;

/** What is drawn for a graph in each view, without a toolkit. */
class GraphSceneTest {

    @Test
    void operationViewDrawsEveryNodeAndEdge() {
        Graph g = Scenarios.apple().graph();
        GraphScene s = GraphScene.of(g, ViewMode.OPERATIONS);
        assertThat(s.boxes()).hasSize(g.size());
        assertThat(s.lines()).hasSize(4);
        assertThat(s.layout().nodes()).hasSize(g.size());
    }

    @Test
    void aLongUnnamedExpressionEndsInAnEllipsisInsteadOfOverflowingItsBox() {
        Graph g = Scenarios.appleOrange().graph();
        GraphScene s = GraphScene.of(g, ViewMode.OPERATIONS);
        GraphScene.Box sum = s.boxes().stream().filter(b -> g.node(b.representative()).name()
                .equals("apple * apple_count + orange * orange_count")).findFirst().orElseThrow();
        assertThat(sum.title()).startsWith("apple * apple_count").endsWith("…");
        assertThat(sum.symbol().length() + 1 + sum.title().length()).isLessThanOrEqualTo(GraphScene.MAX_HEAD_CHARS);
        assertThat(sum.width()).isLessThanOrEqualTo(GraphScene.MAX_BOX_WIDTH);
        // short names stay whole
        assertThat(s.boxes()).anyMatch(b -> b.title().equals("apple * apple_count"));
    }

    @Test
    void aGraphWithoutUnitsFallsBackToTheOperationView() {
        GraphScene s = GraphScene.of(Scenarios.apple().graph(), ViewMode.NEURONS);
        assertThat(s.mode()).isEqualTo(ViewMode.OPERATIONS);
    }

    @Test
    void neuronViewOfSeed221HasThreeUnitsAndSixWeightedEdges() {
        Graph g = Scenarios.seed221().graph();
        GraphScene s = GraphScene.of(g, ViewMode.NEURONS);
        assertThat(s.mode()).isEqualTo(ViewMode.NEURONS);
        assertThat(s.boxes().stream().filter(b -> b.shape() == GraphScene.Shape.UNIT).map(GraphScene.Box::title))
                .containsExactlyInAnyOrder("y3", "y4", "y5");
        // x1, x2, t and E are drawn as themselves; the weights are not boxes
        assertThat(s.boxes()).hasSize(7);
        assertThat(s.lines().stream().filter(l -> l.weight() >= 0)).hasSize(6);
        for (String w : new String[] {"w13", "w23", "w14", "w24", "w35", "w45"}) {
            int id = g.byName(w).orElseThrow().id();
            GraphScene.Line line = s.lines().stream().filter(l -> l.weight() == id).findFirst().orElseThrow();
            // w_ij runs from unit i's box to unit j's box
            String from = w.substring(1, 2);
            String to = w.substring(2, 3);
            assertThat(s.boxOf(g.byName(from.equals("1") || from.equals("2") ? "x" + from : "y" + from).orElseThrow().id()))
                    .isEqualTo(line.source());
            assertThat(s.boxOf(g.byName("y" + to).orElseThrow().id())).isEqualTo(line.target());
            // the weight's edge into its product is drawn as this line
            Graph.Node product = g.nodes().stream().filter(n -> n.inputs().contains(id)).findFirst().orElseThrow();
            assertThat(s.lineOf(new EdgeRef(product.id(), product.inputs().indexOf(id)))).isEqualTo(line.id());
        }
    }

    @Test
    void everyGraphEdgeCrossingBoxesHasALine() {
        Graph g = Scenarios.seed221().graph();
        GraphScene s = GraphScene.of(g, ViewMode.NEURONS);
        for (Graph.Node n : g.nodes()) {
            for (int slot = 0; slot < n.inputs().size(); slot++) {
                String from = s.boxOf(n.input(slot));
                String to = s.boxOf(n.id());
                boolean weight = g.node(n.input(slot)).kind() == Graph.Kind.PARAM;
                if (!from.equals(to) && !weight) {
                    assertThat(s.lineOf(new EdgeRef(n.id(), slot))).as(n.name() + " slot " + slot).isNotNull();
                }
            }
        }
    }

    @Test
    void xorsNeuronViewHasAUnitPerColumnAndALinePerWeightInTheSeedsOrder() {
        Graph g = Scenarios.byId("xor").orElseThrow().graph();
        GraphScene s = GraphScene.of(g, ViewMode.NEURONS);
        assertThat(s.mode()).isEqualTo(ViewMode.NEURONS);
        int x = g.byName("X").orElseThrow().id();
        int z = g.byName("z_hidden").orElseThrow().id();
        int act = g.byName("act_hidden").orElseThrow().id();
        int wHidden = g.byName("W_hidden").orElseThrow().id();
        int wOutput = g.byName("W_output").orElseThrow().id();
        java.util.List<GraphScene.Box> inputs = s.boxes().stream().filter(b -> b.representative() == x).toList();
        java.util.List<GraphScene.Box> hidden = s.boxes().stream().filter(b -> b.representative() == act).toList();
        assertThat(inputs).extracting(GraphScene.Box::title).containsExactly("X[1]", "X[2]");
        assertThat(inputs).extracting(GraphScene.Box::column).containsExactly(0, 1);
        assertThat(hidden).extracting(GraphScene.Box::title).containsExactly("act_hidden[1]", "act_hidden[2]", "act_hidden[3]");
        assertThat(hidden).allMatch(b -> b.shape() == GraphScene.Shape.UNIT && b.members().equals(java.util.List.of(z, act)));
        // the weights are on the edges, not boxes: X (2), hidden (3), output (1), y and E
        assertThat(s.boxes()).hasSize(8).noneMatch(b -> b.representative() == wHidden || b.representative() == wOutput);
        assertThat(s.boxesOf(z)).containsExactlyElementsOf(hidden.stream().map(GraphScene.Box::id).toList());

        java.util.List<GraphScene.Line> w = s.lines().stream().filter(l -> l.weight() == wHidden).toList();
        assertThat(w).hasSize(6);
        for (GraphScene.Line l : w) { // W_hidden[i][j] runs from input unit i to hidden unit j
            assertThat(l.source()).isEqualTo(inputs.get(l.row()).id());
            assertThat(l.target()).isEqualTo(hidden.get(l.column()).id());
        }
        assertThat(w).extracting(l -> l.row() + "," + l.column()).containsExactlyInAnyOrder("0,0", "0,1", "0,2", "1,0", "1,1", "1,2");
        assertThat(s.lines().stream().filter(l -> l.weight() == wOutput)).hasSize(3);
        assertThat(s.linesOf(new EdgeRef(z, 1))).hasSize(6);
        // units 1, 2, 3 top to bottom, as seed 003's figure draws them
        java.util.List<Double> ys = hidden.stream().map(b -> s.layout().nodes().get(b.id()).y()).toList();
        assertThat(ys).isSorted();
        assertThat(s.layout().nodes().get(inputs.get(0).id()).y()).isLessThan(s.layout().nodes().get(inputs.get(1).id()).y());
    }

    @Test
    void logisticRegressionsBiasRunsToItsUnitAndAWideNetKeepsOnlyTheOperationView() {
        Graph g = Scenarios.byId("logistic").orElseThrow().graph();
        GraphScene s = GraphScene.of(g, ViewMode.NEURONS);
        int z = g.byName("z").orElseThrow().id();
        int b = g.byName("b").orElseThrow().id();
        assertThat(s.mode()).isEqualTo(ViewMode.NEURONS);
        assertThat(s.linesOf(new EdgeRef(z, 2))).hasSize(1);
        GraphScene.Line bias = s.lines().stream().filter(l -> l.id().equals(s.linesOf(new EdgeRef(z, 2)).get(0)))
                .findFirst().orElseThrow();
        assertThat(bias.source()).isEqualTo(s.boxOf(b));

        // seed 002's 10-20-2 net: 240 weights would be a wall of lines
        Graph wide = Scenarios.byId("softmax-ce").orElseThrow().graph();
        assertThat(GraphScene.hasUnits(wide)).isFalse();
        assertThat(GraphScene.of(wide, ViewMode.NEURONS).mode()).isEqualTo(ViewMode.OPERATIONS);
        // layer nets open as operations, as their seeds draw them; scalar-unit nets as neurons
        assertThat(GraphScene.hasScalarUnits(g)).isFalse();
        assertThat(GraphScene.hasScalarUnits(Scenarios.seed221().graph())).isTrue();
    }

    @Test
    void aUnitShowsItsColumnAndAWeightLineItsElement() {
        backprop.engine.Tensor m = backprop.engine.Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(GraphScene.columnOf(m, 1)).isEqualTo(backprop.engine.Tensor.column(2, 5));
        assertThat(GraphScene.columnOf(m, -1)).isSameAs(m);
        GraphScene.Line l = new GraphScene.Line("w", "a", "b", java.util.List.of(), 7, 1, 2);
        assertThat(GraphScene.weightOf(l, m)).isEqualTo(backprop.engine.Tensor.scalar(6));
        assertThat(GraphScene.weightOf(new GraphScene.Line("w", "a", "b", java.util.List.of(), 7), m)).isSameAs(m);
    }

    @Test
    void withWeightDecayTheWeightsKeepTheirEdgesAndGetABoxForThePenalty() {
        Graph g = backprop.engine.GraphBuilder.withWeightDecay(Scenarios.byId("xor").orElseThrow().graph(), 0.01);
        GraphScene s = GraphScene.of(g, ViewMode.NEURONS);
        assertThat(s.mode()).isEqualTo(ViewMode.NEURONS);
        int wHidden = g.byName("W_hidden").orElseThrow().id();
        // W_hidden is read by its layer and by the penalty: a box (with a line to the penalty) and six weight lines
        assertThat(s.boxOf(wHidden)).isNotNull();
        assertThat(s.lines().stream().filter(l -> l.weight() == wHidden)).hasSize(6);
        assertThat(s.lines()).anyMatch(l -> l.source().equals(s.boxOf(wHidden)) && l.weight() < 0);
        // every edge of the graph that is not inside a unit is drawn
        for (Graph.Node n : g.nodes()) {
            for (int slot = 0; slot < n.inputs().size(); slot++) {
                if (n.id() != g.byName("act_hidden").orElseThrow().id()) {
                    assertThat(s.linesOf(new EdgeRef(n.id(), slot))).as(n.name() + " slot " + slot).isNotEmpty();
                }
            }
        }
    }
}

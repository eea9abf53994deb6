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
            assertThat(s.lineOfWeight(id)).isEqualTo(line.id());
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
}

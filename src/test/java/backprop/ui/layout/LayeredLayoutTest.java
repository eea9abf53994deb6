package backprop.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LayeredLayoutTest {


    record Graph(String name, List<LayoutNode> nodes, List<LayoutEdge> edges) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> graphs() {
        return Stream.of(
                Arguments.of(diamond()),
                Arguments.of(chain(5)),
                Arguments.of(skipConnection()),
                Arguments.of(neuron()),
                Arguments.of(layeredNet(200)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void everyEdgeRunsLeftToRight(Graph graph) {
        GraphLayout layout = LayeredLayout.layout(graph.nodes(), graph.edges());

        for (LayoutEdge edge : graph.edges()) {
            PlacedNode source = layout.nodes().get(edge.source());
            PlacedNode target = layout.nodes().get(edge.target());
            assertThat(source.x() + source.width()).as(edge.id()).isLessThan(target.x());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void nodesDoNotOverlapAndFitTheDrawing(Graph graph) {
        GraphLayout layout = LayeredLayout.layout(graph.nodes(), graph.edges());
        List<PlacedNode> placed = new ArrayList<>(layout.nodes().values());

        assertThat(placed).hasSameSizeAs(graph.nodes());
        for (int i = 0; i < placed.size(); i++) {
            PlacedNode a = placed.get(i);
            assertThat(a.x()).isGreaterThanOrEqualTo(0);
            assertThat(a.y()).isGreaterThanOrEqualTo(0);
            assertThat(a.x() + a.width()).isLessThanOrEqualTo(layout.width());
            assertThat(a.y() + a.height()).isLessThanOrEqualTo(layout.height());
            for (PlacedNode b : placed.subList(i + 1, placed.size())) {
                assertThat(LayoutGeometry.overlap(a, b)).as("%s overlaps %s", a.id(), b.id()).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void edgesStartAtSourceEndAtTargetAndAvoidOtherNodes(Graph graph) {
        GraphLayout layout = LayeredLayout.layout(graph.nodes(), graph.edges());

        for (RoutedEdge edge : layout.edges().values()) {
            List<LayoutPoint> points = edge.points();
            assertThat(points).as(edge.id()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(onBorder(points.get(0), layout.nodes().get(edge.source()))).as(edge.id() + " start").isTrue();
            assertThat(onBorder(points.get(points.size() - 1), layout.nodes().get(edge.target())))
                    .as(edge.id() + " end").isTrue();
            for (int i = 0; i + 1 < points.size(); i++) {
                for (PlacedNode node : layout.nodes().values()) {
                    assertThat(LayoutGeometry.segmentHitsBox(points.get(i), points.get(i + 1), node))
                            .as("%s segment %d crosses %s", edge.id(), i, node.id())
                            .isFalse();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void sameInputGivesSameLayout(Graph graph) {
        GraphLayout first = LayeredLayout.layout(graph.nodes(), graph.edges());
        GraphLayout second = LayeredLayout.layout(graph.nodes(), graph.edges());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void layersAreSeparatedByTheLayerSpacing() {
        Graph chain = chain(3);
        GraphLayout layout = LayeredLayout.layout(chain.nodes(), chain.edges());

        PlacedNode first = layout.nodes().get("n0");
        PlacedNode second = layout.nodes().get("n1");
        assertThat(second.x() - (first.x() + first.width())).isGreaterThanOrEqualTo(LayeredLayout.LAYER_SPACING);
    }

    @Test
    void unknownEndpointIsRejected() {
        List<LayoutNode> nodes = List.of(box("a"));
        List<LayoutEdge> edges = List.of(new LayoutEdge("e", "a", "missing"));

        assertThatThrownBy(() -> LayeredLayout.layout(nodes, edges))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing");
    }

    private static Graph diamond() {
        return new Graph("diamond",
                List.of(box("a"), box("b"), box("c"), box("d")),
                List.of(edge("a", "b"), edge("a", "c"), edge("b", "d"), edge("c", "d")));
    }

    private static Graph chain(int length) {
        List<LayoutNode> nodes = new ArrayList<>();
        List<LayoutEdge> edges = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            nodes.add(box("n" + i));
            if (i > 0) {
                edges.add(edge("n" + (i - 1), "n" + i));
            }
        }
        return new Graph("chain", nodes, edges);
    }

    /** A long edge past intermediate nodes: the case where routing could cut through a box. */
    private static Graph skipConnection() {
        return new Graph("skip",
                List.of(box("x"), box("f"), box("g"), box("h"), box("sum")),
                List.of(edge("x", "f"), edge("f", "g"), edge("g", "h"), edge("h", "sum"), edge("x", "sum")));
    }

    /** loss = (relu(w*x + b) - y)^2, with boxes of different sizes as the views will have. */
    private static Graph neuron() {
        return new Graph("neuron",
                List.of(new LayoutNode("w", 60, 40), new LayoutNode("x", 60, 40), new LayoutNode("mul", 90, 50),
                        new LayoutNode("b", 60, 40), new LayoutNode("add", 90, 50), new LayoutNode("relu", 110, 60),
                        new LayoutNode("y", 60, 40), new LayoutNode("sub", 90, 50), new LayoutNode("sq", 90, 50)),
                List.of(edge("w", "mul"), edge("x", "mul"), edge("mul", "add"), edge("b", "add"),
                        edge("add", "relu"), edge("relu", "sub"), edge("y", "sub"), edge("sub", "sq")));
    }

    /** Fully connected layers of 20 nodes, 200 nodes in all. */
    private static Graph layeredNet(int nodeCount) {
        int width = 20;
        List<LayoutNode> nodes = new ArrayList<>();
        List<LayoutEdge> edges = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            nodes.add(box("n" + i));
            int layer = i / width;
            if (layer > 0) {
                // each node reads three nodes of the previous layer
                for (int k = 0; k < 3; k++) {
                    int from = (layer - 1) * width + (i + k * 7) % width;
                    edges.add(edge("n" + from, "n" + i));
                }
            }
        }
        return new Graph("net", nodes, edges);
    }

    private static LayoutNode box(String id) {
        return new LayoutNode(id, 80, 40);
    }

    private static LayoutEdge edge(String source, String target) {
        return new LayoutEdge(source + "->" + target, source, target);
    }

    private static boolean onBorder(LayoutPoint p, PlacedNode n) {
        double tolerance = 0.5;
        boolean inOuter = p.x() >= n.x() - tolerance && p.x() <= n.x() + n.width() + tolerance
                && p.y() >= n.y() - tolerance && p.y() <= n.y() + n.height() + tolerance;
        boolean inInner = p.x() > n.x() + tolerance && p.x() < n.x() + n.width() - tolerance
                && p.y() > n.y() + tolerance && p.y() < n.y() + n.height() - tolerance;
        return inOuter && !inInner;
    }

}

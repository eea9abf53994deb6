package backprop.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.Graph;
import backprop.engine.program.ProgramParser;
import backprop.scenarios.Scenario;
import backprop.scenarios.Scenarios;
import backprop.ui.layout.GraphLayout;
import backprop.ui.layout.LayoutGeometry;
import backprop.ui.layout.LayoutPoint;
import backprop.ui.layout.PlacedNode;
import backprop.ui.layout.RoutedEdge;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The drawings a class sees, as laid out: boxes apart, every edge's label in room of its own (clear
 * of boxes and of other labels), no edge through a box it does not start or end at. Every built-in
 * lesson in each of its views, typed formulas, and the benchmark's 205-node program.
 */
class SceneLayoutTest {

    static Stream<Arguments> scenes() {
        List<Arguments> out = new ArrayList<>();
        for (Scenario s : Scenarios.all()) {
            for (ViewMode mode : ViewMode.values()) {
                GraphScene scene = GraphScene.of(s.graph(), mode);
                if (scene.mode() == mode) { // a graph without units is only drawn as operations
                    out.add(Arguments.of(s.id() + " " + mode, scene));
                }
            }
        }
        for (String program : List.of(
                "x = 2\nparam w = 0.5\nb = 1\ny = sigmoid(w * x + b)",
                "x = 3\ny = x * x + x",
                "a = 1\nb = 2\nc = max(a, b) * exp(-a) / (1 + b ^ 2)\nd = c * a - log(b) + tanh(c)",
                "x = 1\ny = 1 / (1 + exp(x * -1))",
                backprop.ui.Rehearsal.program(200))) {
            Graph g = ProgramParser.parse(program);
            out.add(Arguments.of("formula of " + g.size() + " nodes", GraphScene.of(g, ViewMode.OPERATIONS)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenes")
    void boxesApartLabelsInRoomOfTheirOwnNoEdgeThroughABox(String name, GraphScene scene) {
        assertBoxesApart(scene);
        assertLabelsInRoomOfTheirOwn(scene);
        assertNoEdgeThroughABox(scene);
    }

    static void assertBoxesApart(GraphScene scene) {
        List<PlacedNode> boxes = new ArrayList<>(scene.layout().nodes().values());
        for (int i = 0; i < boxes.size(); i++) {
            for (PlacedNode b : boxes.subList(i + 1, boxes.size())) {
                assertThat(LayoutGeometry.overlap(boxes.get(i), b)).as("%s overlaps %s", boxes.get(i).id(), b.id()).isFalse();
            }
        }
    }

    static void assertLabelsInRoomOfTheirOwn(GraphScene scene) {
        GraphLayout layout = scene.layout();
        List<RoutedEdge> labelled = layout.edges().values().stream().filter(e -> e.label() != null).toList();
        assertThat(labelled).as("ELK placed the labels").hasSameSizeAs(layout.edges().values());
        for (int i = 0; i < labelled.size(); i++) {
            PlacedNode a = labelRoom(labelled.get(i));
            for (PlacedNode box : layout.nodes().values()) {
                assertThat(LayoutGeometry.overlap(a, box)).as("label of %s over box %s", labelled.get(i).id(), box.id()).isFalse();
            }
            for (RoutedEdge other : labelled.subList(i + 1, labelled.size())) {
                assertThat(LayoutGeometry.overlap(a, labelRoom(other))).as("label of %s over label of %s", labelled.get(i).id(), other.id())
                        .isFalse();
            }
        }
    }

    static void assertNoEdgeThroughABox(GraphScene scene) {
        GraphLayout layout = scene.layout();
        for (RoutedEdge e : layout.edges().values()) {
            List<LayoutPoint> p = e.points();
            for (int k = 0; k + 1 < p.size(); k++) {
                for (PlacedNode box : layout.nodes().values()) {
                    assertThat(LayoutGeometry.segmentHitsBox(p.get(k), p.get(k + 1), box)).as("%s, segment %d, through %s", e.id(), k, box.id())
                            .isFalse();
                }
            }
        }
    }

    /** The room ELK kept for an edge's label: its width at the label's point, a label's height below it. */
    private static PlacedNode labelRoom(RoutedEdge e) {
        return new PlacedNode("label of " + e.id(), e.label().x(), e.label().y(), e.labelWidth(), GraphScene.LABEL_HEIGHT);
    }
}

package backprop.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.ui.graph.BuiltInLayouts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The stored layouts are ELK's own, and every built-in lesson has one (else: tools/precompute-layouts.sh). */
class PrecomputedLayoutsTest {

    private static List<PrecomputedLayouts.Entry> stored() throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(PrecomputedLayouts.class.getResourceAsStream(PrecomputedLayouts.RESOURCE)),
                StandardCharsets.UTF_8))) {
            return PrecomputedLayouts.read(in);
        }
    }

    @Test
    void everyStoredLayoutIsWhatElkMakesOfItsInput() throws IOException {
        List<PrecomputedLayouts.Entry> entries = stored();
        assertThat(entries).isNotEmpty();
        for (PrecomputedLayouts.Entry e : entries) {
            assertThat(e.layout()).isEqualTo(LayeredLayout.compute(e.input()));
        }
    }

    @Test
    void everyBuiltInLessonIsStoredInEachOfItsViews() {
        List<LayoutInput> inputs = BuiltInLayouts.inputs();
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(8);
        for (LayoutInput in : inputs) {
            assertThat(PrecomputedLayouts.find(in))
                    .as("a built-in lesson's layout is missing: run tools/precompute-layouts.sh").isPresent();
        }
    }

    @Test
    void writingAndReadingGiveTheSameLayouts() throws IOException {
        List<PrecomputedLayouts.Entry> entries = stored();
        assertThat(PrecomputedLayouts.read(new BufferedReader(new StringReader(PrecomputedLayouts.write(entries)))))
                .isEqualTo(entries);
    }

    @Test
    void anInputNotStoredIsLaidOutByElk() {
        List<LayoutNode> nodes = List.of(new LayoutNode("a", 40, 20), new LayoutNode("b", 40, 20));
        List<LayoutEdge> edges = List.of(new LayoutEdge("e", "a", "b", 10, 10));
        assertThat(PrecomputedLayouts.find(new LayoutInput(nodes, edges, false))).isEmpty();
        assertThat(LayeredLayout.layout(nodes, edges, false)).isEqualTo(LayeredLayout.compute(nodes, edges, false));
    }
}

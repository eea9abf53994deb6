package backprop.ui.graph;

import backprop.scenarios.Scenario;
import backprop.scenarios.Scenarios;
import backprop.ui.layout.LayeredLayout;
import backprop.ui.layout.LayoutInput;
import backprop.ui.layout.PrecomputedLayouts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in lessons' layout inputs, in each view; {@link #main} writes ELK's layouts of them as
 * {@link PrecomputedLayouts}' store. Run by {@code tools/precompute-layouts.sh} after a change to the lessons, the boxes or the layout
 * options (PrecomputedLayoutsTest says when).
 */
public final class BuiltInLayouts {
    private BuiltInLayouts() {
    }

    /** The layout inputs of every built-in lesson, each view, without repeats. */
    public static List<LayoutInput> inputs() {
        java.util.Set<LayoutInput> inputs = new java.util.LinkedHashSet<>(); // a lesson without units has one view
        for (Scenario s : Scenarios.all()) {
            for (ViewMode mode : ViewMode.values()) {
                inputs.add(GraphScene.of(s.graph(), mode).layoutInput());
            }
        }
        return new ArrayList<>(inputs);
    }

    public static void main(String[] args) throws IOException {
        List<PrecomputedLayouts.Entry> entries = new ArrayList<>();
        for (LayoutInput in : inputs()) {
            entries.add(new PrecomputedLayouts.Entry(in, LayeredLayout.compute(in)));
        }
        Files.writeString(Path.of(args[0]), PrecomputedLayouts.write(entries), StandardCharsets.UTF_8);
        System.out.println(entries.size() + " layouts written to " + args[0]);
    }
}

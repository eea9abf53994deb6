package backprop.ui.graph;

import backprop.engine.Graph;
import backprop.engine.program.ProgramException;
import backprop.engine.program.ProgramParser;
import backprop.ui.TypedPrograms;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any formula a student types is drawn as the built-in lessons are (see {@link SceneLayoutTest}). */
class TypedFormulaLayoutPropertiesTest {

    @Property(tries = 60, seed = "20261203")
    void aTypedFormulasDrawingHasBoxesApartLabelsInRoomAndNoEdgeThroughABox(@ForAll("programs") String program) {
        Graph g;
        try {
            g = ProgramParser.parse(program);
        } catch (ProgramException e) {
            return;
        }
        GraphScene scene = GraphScene.of(g, ViewMode.OPERATIONS);
        SceneLayoutTest.assertBoxesApart(scene);
        SceneLayoutTest.assertLabelsInRoomOfTheirOwn(scene);
        SceneLayoutTest.assertNoEdgeThroughABox(scene);
    }

    @Provide
    Arbitrary<String> programs() {
        return TypedPrograms.programs();
    }
}

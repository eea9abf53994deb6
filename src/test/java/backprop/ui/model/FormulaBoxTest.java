package backprop.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.Graph;
import backprop.engine.ModelState;
import backprop.engine.Tensor;
import backprop.scenarios.Scenarios;
import org.junit.jupiter.api.Test;

/**
 * What the formula box holds as a lesson is chosen, drawn, edited and trained, and what it says about
 * that text. No toolkit needed: the model records traces on the calling thread.
 */
class FormulaBoxTest {
    private final LessonModel model = new LessonModel(Runnable::run, Runnable::run);
    private final FormulaBox box = new FormulaBox(model);

    private static final String APPLES = Scenarios.program("apple").orElseThrow();

    /** Commits a value typed on the graph, as the graph's editor does. */
    private void type(String name, double value) {
        Graph g = model.lesson().graph();
        ModelState s = model.stateProperty().get();
        model.commit(s.withValue(g.byName(name).orElseThrow().id(), Tensor.scalar(value)));
    }

    @Test
    void startsWithTheStarterFormulaAsTheUsersOwn() {
        assertThat(box.textProperty().get()).isEqualTo(FormulaBox.STARTER);
        assertThat(box.showsExampleProperty().get()).isFalse();
        assertThat(box.editedProperty().get()).isFalse();
    }

    @Test
    void anExampleBuiltFromAFormulaPutsItInTheBox() {
        model.load("apple");
        assertThat(box.textProperty().get()).isEqualTo(APPLES);
        assertThat(box.showsExampleProperty().get()).isTrue();
        assertThat(box.editedProperty().get()).isFalse();
    }

    @Test
    void aValueTypedOnTheGraphIsRewrittenInTheExamplesFormula() {
        model.load("apple");
        type("count", 3);
        assertThat(box.textProperty().get()).isEqualTo(APPLES.replace("count = 2", "count = 3"));
        assertThat(box.showsExampleProperty().get()).isTrue(); // still the example's formula, as the graph shows it
        assertThat(box.editedProperty().get()).isFalse();
        model.undo();
        assertThat(box.textProperty().get()).isEqualTo(APPLES);
    }

    @Test
    void textTypedAndNotDrawnStaysAndIsMarkedEdited() {
        model.load("apple");
        box.textProperty().set(APPLES + "total = price + 1\n");
        assertThat(box.showsExampleProperty().get()).isFalse();
        assertThat(box.editedProperty().get()).isTrue();
        type("count", 3); // the graph's value changes: the user's text is not overwritten
        assertThat(box.textProperty().get()).isEqualTo(APPLES + "total = price + 1\n");
        model.load("sigmoid-decomposed"); // nor by another example's formula
        assertThat(box.textProperty().get()).isEqualTo(APPLES + "total = price + 1\n");
    }

    @Test
    void aDrawnFormulaIsTheUsersAndFollowsItsValues() {
        box.textProperty().set("x = 2\nparam w = 0.5\ny = w * x");
        box.draw();
        assertThat(model.lesson().program()).isEqualTo("x = 2\nparam w = 0.5\ny = w * x");
        assertThat(box.editedProperty().get()).isFalse();
        type("w", 1.5);
        assertThat(box.textProperty().get()).isEqualTo("x = 2\nparam w = 1.5\ny = w * x");
        assertThat(box.editedProperty().get()).isFalse();
    }

    @Test
    void aDrawnFormulaEditedAndNotDrawnAgainKeepsTheEditWhenAValueChanges() {
        box.textProperty().set("x = 2\nparam w = 0.5\ny = w * x");
        box.draw();
        box.textProperty().set("x = 2\nparam w = 0.5\ny = w * x + 1");
        assertThat(box.editedProperty().get()).isTrue();
        type("w", 1.5);
        assertThat(box.textProperty().get()).isEqualTo("x = 2\nparam w = 0.5\ny = w * x + 1");
        assertThat(box.editedProperty().get()).isTrue();
    }

    @Test
    void aFormulaThatCannotBeDrawnKeepsTheTextAndTheGraph() {
        model.load("apple");
        box.textProperty().set("y = 2 *");
        box.draw();
        assertThat(model.formulaErrorProperty().get()).isNotEmpty();
        assertThat(model.lesson().id()).isEqualTo("apple");
        assertThat(box.textProperty().get()).isEqualTo("y = 2 *");
        assertThat(box.editedProperty().get()).isFalse(); // the error says it instead
    }

    @Test
    void yourFormulaBringsBackTheUsersFormulaWhenTheBoxShowsAnExample() {
        box.textProperty().set("a = 3\nb = a * a");
        box.draw();
        model.load("apple");
        assertThat(box.textProperty().get()).isEqualTo(APPLES);
        box.drawUsersFormula();
        assertThat(model.lesson().program()).isEqualTo("a = 3\nb = a * a");
        assertThat(box.textProperty().get()).isEqualTo("a = 3\nb = a * a");
        assertThat(box.showsExampleProperty().get()).isFalse();
    }

    @Test
    void yourFormulaDrawsTheBoxWhenTheUserEditedTheExample() {
        model.load("apple");
        String mine = APPLES.replace("tax = 1.1", "tax = 1.2");
        box.textProperty().set(mine);
        box.drawUsersFormula();
        assertThat(model.lesson().program()).isEqualTo(mine);
    }

    @Test
    void anExampleWithoutAFormulaGivesTheBoxBackTheUsersFormula() {
        box.textProperty().set("a = 3\nb = a * a");
        box.draw();
        model.load("apple");
        model.load("seed-221");
        assertThat(box.textProperty().get()).isEqualTo("a = 3\nb = a * a");
        assertThat(box.showsExampleProperty().get()).isFalse();
        assertThat(box.editedProperty().get()).isFalse();
    }

    /**
     * Examples chosen, "Your formula" picked and values edited faster than traces are recorded (the
     * worker runs a random share of what is queued between two gestures): once all is recorded, a box
     * nobody typed in holds the lesson's formula as the graph shows it, or, for an example without
     * one, the user's last drawn formula or the starter; never another example's formula.
     */
    @Test
    void gesturesFasterThanTheWorkerLeaveTheBoxSayingWhatTheGraphShows() {
        java.util.Random random = new java.util.Random(20261203);
        java.util.List<String> ids = Scenarios.ids();
        for (int round = 0; round < 300; round++) {
            java.util.ArrayDeque<Runnable> queue = new java.util.ArrayDeque<>();
            LessonModel m = new LessonModel(queue::add, Runnable::run);
            FormulaBox b = new FormulaBox(m);
            StringBuilder log = new StringBuilder();
            for (int gesture = 0; gesture < 8; gesture++) {
                int what = random.nextInt(4);
                if (what <= 1 || m.lesson() == null) {
                    String id = ids.get(random.nextInt(ids.size()));
                    log.append("load ").append(id).append("; ");
                    m.load(id);
                } else if (what == 2) {
                    log.append("your formula; ");
                    b.drawUsersFormula();
                } else {
                    // as the graph's editor does: on the graph on screen (dropped while another lesson is on its way)
                    Graph g = m.lesson().graph();
                    java.util.List<Graph.Node> scalars = g.namedLeaves().stream().filter(n -> n.initialValue().isScalar()).toList();
                    if (!scalars.isEmpty()) {
                        Graph.Node n = scalars.get(random.nextInt(scalars.size()));
                        log.append("edit ").append(n.name()).append("; ");
                        m.edit(g, n.id(), 0, random.nextInt(9) + 1, null);
                    }
                }
                for (int k = random.nextInt(queue.size() + 1); k > 0; k--) {
                    queue.poll().run();
                }
            }
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
            Lesson l = m.lesson();
            String own = l.formulaWith(m.stateProperty().get());
            String expected = own != null ? own : m.programProperty().get() != null ? m.programProperty().get() : FormulaBox.STARTER;
            assertThat(b.textProperty().get()).as("after: %s", log).isEqualTo(expected);
            assertThat(b.showsExampleProperty().get()).as("heading after: %s", log).isEqualTo(l.scenario() != null && own != null);
            assertThat(b.editedProperty().get()).as("'Edited' after: %s", log).isFalse();
        }
    }

    @Test
    void anExampleChosenAgainBeforeYourFormulaIsDrawnGetsItsFormulaBack() {
        java.util.ArrayDeque<Runnable> queue = new java.util.ArrayDeque<>();
        LessonModel m = new LessonModel(queue::add, Runnable::run);
        FormulaBox b = new FormulaBox(m);
        m.load("apple-orange");
        queue.poll().run();
        b.drawUsersFormula(); // the box gives way to the user's formula at once; its graph is not recorded yet
        m.load("apple-orange"); // and the teacher goes back to the example before it is
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
        assertThat(m.lesson().id()).isEqualTo("apple-orange");
        assertThat(b.textProperty().get()).isEqualTo(Scenarios.program("apple-orange").orElseThrow());
        assertThat(b.showsExampleProperty().get()).isTrue();
    }

    @Test
    void withNoFormulaDrawnYetAnExampleWithoutOneGivesTheStarter() {
        model.load("apple");
        model.load("xor");
        assertThat(box.textProperty().get()).isEqualTo(FormulaBox.STARTER);
    }
}

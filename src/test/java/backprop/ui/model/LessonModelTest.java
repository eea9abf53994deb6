package backprop.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.Graph;
import backprop.engine.Tensor;
import org.junit.jupiter.api.Test;

/** The view model alone: no toolkit, work done on the calling thread. */
class LessonModelTest {
    private final LessonModel model = new LessonModel(Runnable::run, Runnable::run);

    private double value(String name) {
        Graph g = model.lesson().graph();
        return model.stateProperty().get().value(g.byName(name).orElseThrow().id()).scalar();
    }

    @Test
    void loadingRecordsATraceAndStartsAtTheBeginning() {
        model.load("apple");
        assertThat(model.trace().size()).isEqualTo(5);
        assertThat(model.cursorProperty().get()).isZero();
        assertThat(model.moment().phase()).isEqualTo(Moment.Phase.START);
        model.toForwardEnd();
        assertThat(model.moment().phase()).isEqualTo(Moment.Phase.LOSS);
        model.stepForward();
        assertThat(model.moment().phase()).isEqualTo(Moment.Phase.BACKWARD);
        model.toEnd();
        model.stepForward();
        assertThat(model.cursorProperty().get()).isEqualTo(5);
    }

    @Test
    void theChainRuleFollowsTheElementChosenAndLetsGoWithTheNode() {
        model.load("softmax-ce");
        Graph g = model.lesson().graph();
        int w2 = g.byName("W2").orElseThrow().id();
        int reaching = backprop.ui.TraceSteps.reaching(model.trace(), w2);
        model.cursorProperty().set(reaching); // the step that passes ∂L/∂W2 back
        assertThat(model.moment().explanation().tex()).contains("\\right]_{1,2} = ");
        model.selectedNodeProperty().set(w2);
        model.selectedElementProperty().set(6 * 2 + 1); // W2[7,2]: h_7 · 0.5 = 0.275, by hand
        assertThat(model.moment().explanation().tex()).contains("\\right]_{7,2} = ").contains("0.55 \\times 0.5 = 0.275")
                .doesNotContain("\\right]_{1,2} = ");
        assertThat(model.moment().applied()).isEqualTo(reaching); // the same moment, written for the element
        model.selectedNodeProperty().set(g.byName("W1").orElseThrow().id()); // another node: the element goes
        assertThat(model.moment().explanation().tex()).contains("\\right]_{1,2} = ").doesNotContain("\\right]_{7,2} = ");
    }

    @Test
    void choosingAnElementOfAnotherNodeOrTheSameElementAgainWritesTheChainRuleOnce() {
        model.load("softmax-ce");
        Graph g = model.lesson().graph();
        int w1 = g.byName("W1").orElseThrow().id();
        int w2 = g.byName("W2").orElseThrow().id();
        model.cursorProperty().set(backprop.ui.TraceSteps.reaching(model.trace(), w2));
        model.chooseElement(w1, 3);
        java.util.List<Moment> shown = new java.util.ArrayList<>();
        model.momentProperty().addListener((obs, was, now) -> shown.add(now));
        java.util.List<Integer> elements = new java.util.ArrayList<>();
        model.selectedElementProperty().addListener((obs, was, now) -> elements.add(now.intValue()));

        model.chooseElement(w2, 13); // another node's element: W2[7,2]
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).explanation().tex()).contains("\\right]_{7,2} = ").contains("0.55 \\times 0.5 = 0.275");
        model.chooseElement(w2, 13); // the same again: news to the inspector, one more moment
        assertThat(elements).containsExactly(-1, 13, -1, 13);
        assertThat(shown).hasSize(2);
        assertThat(model.selectedNodeProperty().get()).isEqualTo(w2);
    }

    @Test
    void anotherLessonLetsGoOfTheChosenElementWithoutAMomentOfTheOldTrace() {
        model.load("softmax-ce");
        model.selectedNodeProperty().set(model.lesson().graph().byName("W2").orElseThrow().id());
        model.selectedElementProperty().set(13);
        model.cursorProperty().set(3);
        java.util.List<Moment> shown = new java.util.ArrayList<>();
        model.momentProperty().addListener((obs, was, now) -> shown.add(now));
        model.load("xor");
        assertThat(model.selectedElementProperty().get()).isEqualTo(-1);
        assertThat(shown).hasSize(1); // the new lesson's first moment, once
        assertThat(shown.get(0).trace().graph()).isSameAs(model.lesson().graph());
    }

    @Test
    void aLessonIsLoadingUntilItsTraceIsShownAndAnOlderOneDoesNotEndTheWait() {
        java.util.ArrayDeque<Runnable> workerQueue = new java.util.ArrayDeque<>();
        LessonModel m = new LessonModel(workerQueue::add, Runnable::run);
        assertThat(m.isLoading()).isFalse();
        m.load("apple");
        m.load("xor");
        assertThat(m.isLoading()).isTrue();
        workerQueue.poll().run(); // apple's trace: superseded by xor's, never shown
        assertThat(m.lesson()).isNull();
        assertThat(m.isLoading()).isTrue();
        workerQueue.poll().run();
        assertThat(m.lesson().id()).isEqualTo("xor");
        assertThat(m.isLoading()).isFalse();
    }

    @Test
    void theGraphOnScreenTakesNoEditWhileAnotherLessonIsOnItsWay() {
        java.util.ArrayDeque<Runnable> workerQueue = new java.util.ArrayDeque<>();
        LessonModel m = new LessonModel(workerQueue::add, Runnable::run);
        m.load("apple");
        workerQueue.poll().run();
        backprop.engine.Graph apples = m.lesson().graph();
        assertThat(m.latestStateOf(apples)).isSameAs(m.latestState());
        m.load("xor"); // on its way: apples' node ids mean nothing in XOR's values
        assertThat(m.latestStateOf(apples)).isNull();
        backprop.engine.ModelState xorValues = m.latestState();
        m.edit(apples, apples.byName("count").orElseThrow().id(), 0, 3, null); // typed on apples, still on screen
        assertThat(m.latestState()).isSameAs(xorValues);
        assertThat(m.canUndoProperty().get()).isFalse();
        workerQueue.poll().run();
        assertThat(m.latestStateOf(apples)).isNull();
        assertThat(m.latestStateOf(m.lesson().graph())).isSameAs(m.latestState());
    }

    @Test
    void anEditKeepsTheCursorAndReplaysTheNewValues() {
        model.load("apple");
        model.toForwardEnd();
        int apple = model.lesson().graph().byName("apple").orElseThrow().id();
        model.commit(model.latestState().withValue(apple, Tensor.scalar(150)));
        assertThat(model.cursorProperty().get()).isEqualTo(model.trace().lossIndex() + 1);
        assertThat(model.moment().frame().value(model.lesson().graph().output()).scalar()).isEqualTo(150 * 2 * 1.1);
    }

    @Test
    void undoAndRedoAreExact() {
        model.load("apple");
        int tax = model.lesson().graph().byName("tax").orElseThrow().id();
        model.commit(model.latestState().withValue(tax, Tensor.scalar(1.25)));
        model.commit(model.latestState().withValue(tax, Tensor.scalar(1.5)));
        assertThat(model.undo()).isTrue();
        assertThat(value("tax")).isEqualTo(1.25);
        assertThat(model.undo()).isTrue();
        assertThat(value("tax")).isEqualTo(1.1);
        assertThat(model.undo()).isFalse();
        assertThat(model.redo()).isTrue();
        assertThat(value("tax")).isEqualTo(1.25);
        assertThat(model.canRedoProperty().get()).isTrue();
        model.resetValues();
        assertThat(value("tax")).isEqualTo(1.1);
        assertThat(model.canRedoProperty().get()).isFalse();
    }

    @Test
    void aProgramWithAMistakeKeepsTheLessonAndSaysWhere() {
        model.load("apple");
        model.runProgram("a = 1\nb = a * (2 + 3");
        assertThat(model.formulaErrorProperty().get()).startsWith("line 2, column ");
        assertThat(model.lesson().id()).isEqualTo("apple");
        model.runProgram("a = 1\nb = a * (2 + 3)");
        assertThat(model.formulaErrorProperty().get()).isEmpty();
        assertThat(model.lesson().id()).isEqualTo("formula");
    }

    @Test
    void weightDecayAddsHalfLambdaTimesTheSquaredWeightsAndComesOffAgain() {
        model.load("seed-221");
        model.toForwardEnd();
        double plain = model.moment().frame().value(model.lesson().graph().output()).scalar();
        model.setWeightDecay(0.1);
        model.toEnd();
        Graph g = model.lesson().graph();
        // seed 000's weights: 0.1² + 0.8² + 0.4² + 0.6² + 0.3² + 0.9² = 2.07
        assertThat(model.moment().frame().value(g.output()).scalar())
                .isCloseTo(plain + 0.1 / 2 * 2.07, org.assertj.core.api.Assertions.within(1e-12));
        model.setWeightDecay(0);
        model.toForwardEnd();
        assertThat(model.lesson().graph().size()).isLessThan(g.size());
        assertThat(model.moment().frame().value(model.lesson().graph().output()).scalar()).isEqualTo(plain);
    }

    @Test
    void randomizingWithTheSameSeedGivesTheSameWeights() {
        model.load("xor");
        model.randomize(11);
        Tensor first = model.latestState().value(model.lesson().graph().byName("W_hidden").orElseThrow().id());
        model.randomize(12);
        model.randomize(11);
        Tensor again = model.latestState().value(model.lesson().graph().byName("W_hidden").orElseThrow().id());
        assertThat(again).isEqualTo(first);
        model.randomize(backprop.scenarios.Scenarios.XOR_SEED);
        assertThat(model.latestState().value(model.lesson().graph().byName("W_hidden").orElseThrow().id()))
                .isEqualTo(model.lesson().graph().byName("W_hidden").orElseThrow().initialValue());
    }

    @Test
    void theNudgesOfOneGestureAreOneUndoEntry() {
        model.load("apple");
        int apple = model.lesson().graph().byName("apple").orElseThrow().id();
        Object drag = new Object();
        for (int v = 101; v <= 110; v++) {
            model.nudge(model.latestState().withValue(apple, Tensor.scalar(v)), drag);
        }
        assertThat(value("apple")).isEqualTo(110);
        assertThat(model.undo()).isTrue();
        assertThat(value("apple")).as("one undo takes back the whole drag").isEqualTo(100);
        assertThat(model.canUndoProperty().get()).isFalse();
        assertThat(model.redo()).isTrue();
        assertThat(value("apple")).isEqualTo(110);
    }

    @Test
    void anotherGestureOrAnEditInBetweenStartsANewUndoEntry() {
        model.load("apple");
        int apple = model.lesson().graph().byName("apple").orElseThrow().id();
        Object first = new Object();
        model.nudge(model.latestState().withValue(apple, Tensor.scalar(101)), first);
        model.nudge(model.latestState().withValue(apple, Tensor.scalar(102)), first);
        model.nudge(model.latestState().withValue(apple, Tensor.scalar(103)), new Object());
        model.commit(model.latestState().withValue(apple, Tensor.scalar(200)));
        model.nudge(model.latestState().withValue(apple, Tensor.scalar(201)), first);
        model.undo();
        assertThat(value("apple")).isEqualTo(200);
        model.undo();
        assertThat(value("apple")).isEqualTo(103);
        model.undo();
        assertThat(value("apple")).isEqualTo(102);
        model.undo();
        assertThat(value("apple")).isEqualTo(100);
        assertThat(model.canUndoProperty().get()).isFalse();
    }

    @Test
    void turningWeightDecayOnAndOffKeepsTheUndoHistory() {
        model.load("seed-221");
        Graph base = model.lesson().graph();
        int w13 = base.byName("w13").orElseThrow().id();
        model.commit(model.latestState().withValue(w13, Tensor.scalar(0.5)));
        model.commit(model.latestState().withValue(w13, Tensor.scalar(0.7)));
        model.undo(); // 0.7 waits on the redo stack

        model.setWeightDecay(0.01);
        assertThat(model.lesson().graph().size()).isGreaterThan(base.size());
        assertThat(value("w13")).isEqualTo(0.5);
        assertThat(model.redo()).isTrue();
        assertThat(value("w13")).isEqualTo(0.7);
        assertThat(model.undo()).isTrue();
        assertThat(model.undo()).isTrue();
        assertThat(value("w13")).isEqualTo(0.1);
        assertThat(model.weightDecay()).as("undo takes back values, not the setting").isEqualTo(0.01);
        assertThat(model.stateProperty().get().size()).isEqualTo(model.lesson().graph().size());

        model.setWeightDecay(0);
        assertThat(model.lesson().graph().size()).isEqualTo(base.size());
        assertThat(model.redo()).isTrue();
        assertThat(value("w13")).isEqualTo(0.5);
        assertThat(model.stateProperty().get().size()).isEqualTo(base.size());
    }
}

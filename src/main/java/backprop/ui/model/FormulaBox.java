package backprop.ui.model;

import backprop.engine.ModelState;
import backprop.scenarios.Scenarios;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The formula box's view model: what the box holds as the lesson changes, and what that text is (the
 * example's formula as the graph shows it, the user's drawn formula, or text typed and not drawn).
 * <ul>
 * <li>An example built from a formula (apples, the decomposed sigmoid) puts it in the box, for a teacher
 * to edit and draw as their own; an example without one gives the box back the user's last formula.</li>
 * <li>The box follows the values on the graph (typed, nudged, trained, undone) for an example's formula
 * and a drawn one alike.</li>
 * <li>Text typed and not drawn is never replaced: {@link #editedProperty()} says it is not what the graph shows.</li>
 * </ul>
 * Needs no toolkit: the view binds a text area to {@link #textProperty()}.
 */
public final class FormulaBox {
    /** What the box holds before anything is typed or an example with a formula is shown. */
    public static final String STARTER = "x = 2\nparam w = 0.5\nb = 1\ny = sigmoid(w * x + b)";

    private final LessonModel model;
    private final StringProperty text = new SimpleStringProperty(this, "text", STARTER);
    /**
     * The formula of the example on screen as the box was given it, with the values the graph shows
     * (edited or not since), or null while the box holds the user's own formula.
     */
    private final ReadOnlyStringWrapper exampleShown = new ReadOnlyStringWrapper(this, "exampleShown");
    private final ReadOnlyBooleanWrapper showsExample = new ReadOnlyBooleanWrapper(this, "showsExample");
    private final ReadOnlyBooleanWrapper edited = new ReadOnlyBooleanWrapper(this, "edited");

    public FormulaBox(LessonModel model) {
        this.model = model;
        model.programProperty().addListener((obs, was, now) -> {
            // a program typed here is already here (a text area keeps its caret); the box follows the values
            // edited or trained in the graph unless it holds text typed and not drawn
            if (now != null && !now.equals(text.get()) && (text.get().equals(was) || holdsNoTypedText())) {
                text.set(now);
            }
        });
        model.lessonProperty().addListener((obs, was, now) -> showFormulaOf(was, now));
        model.stateProperty().addListener((obs, was, now) -> followValuesOfExample(now));
        showsExample.bind(Bindings.createBooleanBinding(() -> text.get().equals(exampleShown.get()), text, exampleShown));
        // a student who typed and forgot Ctrl+Enter is looking at the old formula's graph
        edited.bind(Bindings.createBooleanBinding(
                () -> model.lesson() != null && model.formulaErrorProperty().get().isEmpty()
                        && (model.lesson().program() != null ? !text.get().equals(model.programProperty().get())
                                : exampleShown.get() != null && !text.get().equals(exampleShown.get())),
                text, model.lessonProperty(), model.programProperty(), model.formulaErrorProperty(), exampleShown));
    }

    /** The box's text, as typed or as the lesson put it there. */
    public StringProperty textProperty() {
        return text;
    }

    /** Whether the box holds the example's formula exactly as the graph shows it (not the user's). */
    public ReadOnlyBooleanProperty showsExampleProperty() {
        return showsExample.getReadOnlyProperty();
    }

    /** Whether the box holds text that differs from what the graph shows and has not been drawn. */
    public ReadOnlyBooleanProperty editedProperty() {
        return edited.getReadOnlyProperty();
    }

    /** The example's formula with the values on the graph while it was given to the box, else null. */
    public ReadOnlyStringProperty exampleShownProperty() {
        return exampleShown.getReadOnlyProperty();
    }

    /** Draws what the box holds (Ctrl+Enter). */
    public void draw() {
        model.runProgram(text.get());
    }

    /**
     * Draws the user's formula ("Your formula" in the picker): what the box holds, unless that is the
     * example's formula, in which case the user's last drawn formula (or the starter) comes back.
     */
    public void drawUsersFormula() {
        model.runProgram(showsExample.get() ? usersFormula() : text.get());
    }

    private void showFormulaOf(Lesson was, Lesson now) {
        if (now == null || now.scenario() == null) {
            // a typed formula: the program listener puts it in the box, unless it is the program already
            // asked for ("Your formula" draws it again), which the box may have given way to an example's since
            boolean exampleInBox = showsExample.get();
            exampleShown.set(null);
            if (now != null && exampleInBox && model.programProperty().get() != null) {
                text.set(model.programProperty().get());
            }
            return;
        }
        String example = Scenarios.program(now.id()).orElse(null);
        boolean untouched = holdsNoTypedText() || text.get().equals(model.programProperty().get());
        // the box gave the example's place to the user's formula, asked for and superseded before it was drawn
        boolean givenAway = untouched && !showsExample.get();
        if (example != null && exampleShown.get() != null && was != null && was.scenario() != null && was.id().equals(now.id())
                && !givenAway) {
            return; // the same example again (weight decay): its formula stays, with the values it shows
        }
        String shown = exampleShown.get();
        exampleShown.set(null);
        if (!untouched) {
            return; // the user's text, typed and not drawn, stays
        }
        if (example != null) {
            text.set(example);
            exampleShown.set(example);
        } else if (shown != null) {
            text.set(usersFormula());
        }
    }

    /** The box is empty, or holds the starter or the example's formula as shown: nothing the user typed. */
    private boolean holdsNoTypedText() {
        String t = text.get();
        return t.isBlank() || t.equals(STARTER) || t.equals(exampleShown.get());
    }

    /** An example's formula in the box says the values the graph shows (edited, trained, undone). */
    private void followValuesOfExample(ModelState s) {
        Lesson l = model.lesson();
        if (l == null || l.scenario() == null || exampleShown.get() == null) {
            return;
        }
        String f = l.formulaWith(s);
        if (f == null || f.equals(exampleShown.get())) {
            return;
        }
        if (text.get().equals(exampleShown.get())) {
            text.set(f);
        }
        exampleShown.set(f);
    }

    /** The user's last drawn formula, or the starter. */
    private String usersFormula() {
        String p = model.programProperty().get();
        return p != null ? p : STARTER;
    }
}

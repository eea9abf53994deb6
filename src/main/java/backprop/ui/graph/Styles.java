package backprop.ui.graph;

import javafx.css.PseudoClass;

/** Pseudo-classes the stylesheet colours by: the step being shown and what it touched. */
final class Styles {
    static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    static final PseudoClass FORWARD = PseudoClass.getPseudoClass("forward");
    static final PseudoClass BACKWARD = PseudoClass.getPseudoClass("backward");
    static final PseudoClass UPDATE = PseudoClass.getPseudoClass("update");
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private Styles() {
    }
}

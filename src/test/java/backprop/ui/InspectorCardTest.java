package backprop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.BoundingBox;
import javafx.geometry.Pos;
import org.junit.jupiter.api.Test;

/** Where the inspector card goes: the corner that covers least of the selection (no toolkit needed). */
class InspectorCardTest {
    // an 870 × 515 graph area (1280×800 with the training workspace) and a 400 × 300 card
    private static Pos corner(double x, double y, double w, double h) {
        return InspectorCard.corner(new BoundingBox(x, y, w, h), 870, 515, 400, 300);
    }

    @Test
    void aSelectionOnTheLeftGetsTheCardOnTheRight() {
        assertThat(corner(15, 190, 112, 110)).isEqualTo(Pos.TOP_RIGHT);
    }

    @Test
    void aSelectionUnderTheTopRightCornerSendsTheCardLeft() {
        assertThat(corner(600, 50, 120, 110)).isEqualTo(Pos.TOP_LEFT);
    }

    @Test
    void aTallSelectionInTheRightHalfSendsTheCardToTheLeftHalf() {
        // XOR's W_output lines in the neuron view: labels from the top to the bottom of the area
        assertThat(corner(497, 200, 175, 320)).isEqualTo(Pos.TOP_LEFT);
    }

    @Test
    void aSelectionAcrossTheTopGetsTheCardBelow() {
        assertThat(corner(20, 20, 830, 150)).isEqualTo(Pos.BOTTOM_RIGHT);
    }

    @Test
    void withNoFreeCornerTheCardCoversTheLeast() {
        // a layer's units down the middle (x 378–493, y 130–430): every corner covers a strip of it.
        // top right 33 × 180 = 5,940 px², top left 32 × 180 = 5,760, bottom right 33 × 225, bottom left 32 × 225
        assertThat(corner(378, 130, 115, 300)).isEqualTo(Pos.TOP_LEFT);
    }

    @Test
    void nothingOnScreenLeavesTheCardTopRight() {
        assertThat(InspectorCard.corner(null, 870, 515, 400, 300)).isEqualTo(Pos.TOP_RIGHT);
    }
}

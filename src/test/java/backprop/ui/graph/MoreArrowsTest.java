package backprop.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import backprop.ui.fx.HeadlessFx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MoreArrowsTest {

    @BeforeAll
    static void startFx() {
        HeadlessFx.startToolkitHeadless();
    }

    @Test
    void anArrowWithNoSizeYetIsPlacedAtTheMiddle() {
        // the snapshot command lays a graph out before its window is shown: a new arrow has no skin, so
        // no size; its search for a free place once looped for ever on a step of 0 px
        List<Button> made = new ArrayList<>();
        MoreArrows arrows = new MoreArrows((dx, dy) -> { }, made::add);
        Button right = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> HeadlessFx.onFxThread(() -> {
            arrows.update(0, 0, 2000, 400, 800, 400, (x, y, w, h) -> MoreArrows.Covered.A_BOX);
            return made.get(0);
        }));
        assertThat(right.getId()).isEqualTo("moreRight");
        assertThat(right.isVisible()).isTrue();
    }

    @Test
    void anArrowMovesAlongItsEdgeToAPlaceThatCoversNothingElseOneThatCoversNoBox() throws Exception {
        List<Button> made = new ArrayList<>();
        javafx.scene.layout.Pane view = HeadlessFx.onFxThread(() -> {
            javafx.scene.layout.Pane p = new javafx.scene.layout.Pane();
            new javafx.scene.Scene(p, 800, 400); // a scene, so the arrow has its skin and size
            return p;
        });
        // the right edge of an 800 × 400 view: boxes from y 0 to 300, edge labels from 300 to 360
        Button right = HeadlessFx.onFxThread(() -> {
            MoreArrows a = new MoreArrows((dx, dy) -> { }, b -> {
                view.getChildren().add(b);
                made.add(b);
            });
            a.update(0, 0, 2000, 400, 800, 400, (x, y, w, h) -> y < 300 ? MoreArrows.Covered.A_BOX
                    : y + h > 360 ? MoreArrows.Covered.NOTHING : MoreArrows.Covered.AN_EDGE_LABEL);
            return made.get(0);
        });
        assertThat(right.getHeight()).isPositive();
        assertThat(right.getLayoutY()).as("below the boxes and the labels").isGreaterThanOrEqualTo(300);
        assertThat(right.getLayoutY() + right.getHeight()).isGreaterThan(360);
        // labels down to the edge's end: the arrow covers a label rather than a box
        Button again = HeadlessFx.onFxThread(() -> {
            MoreArrows a = new MoreArrows((dx, dy) -> { }, b -> {
                view.getChildren().add(b);
                made.add(b);
            });
            a.update(0, 0, 2000, 400, 800, 400, (x, y, w, h) -> y < 300 ? MoreArrows.Covered.A_BOX : MoreArrows.Covered.AN_EDGE_LABEL);
            return made.get(made.size() - 1);
        });
        assertThat(again.getLayoutY()).isGreaterThanOrEqualTo(300);
    }
}

package backprop.ui.graph;

import javafx.scene.text.Text;

/**
 * A text of the graph. A class of its own so that the CSS type selector is GraphText, not Text: each
 * new text is matched against every selector ending in Text, and the theme has eight, each walking up
 * every ancestor to the root (".message Text", ".description Text", ...); none applies in a graph. On
 * a 200-node graph's ~1,600 texts that matching was a third of the CSS pass that styles joining views.
 */
final class GraphText extends Text {
    GraphText() {
    }

    GraphText(String text) {
        super(text);
    }
}

package backprop.ui.graph;

/** How a graph is drawn: every op as a node, or a network's units as neurons with weights on the edges. */
public enum ViewMode {
    OPERATIONS("Operations"), NEURONS("Neurons");

    private final String label;

    ViewMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package backprop.engine;

/** When a param's update happens within an iteration. */
public enum UpdateOrder {
    /** All gradients first, then all updates: the textbook rule. */
    SIMULTANEOUS,
    /**
     * Seed 000's code: a param is updated as soon as its gradient is complete, and gradients flowing
     * further back use the updated value.
     */
    EAGER;

    public static UpdateOrder parse(String s) {
        return switch (s) {
            case "simultaneous" -> SIMULTANEOUS;
            case "eager" -> EAGER;
            default -> throw new IllegalArgumentException("unknown update order '" + s + "' (use simultaneous or eager)");
        };
    }

    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package backprop.ui.model;

/** What a user typed for a value: a finite number, or a message that says what is wrong with it. */
public final class ValueInput {
    private ValueInput() {
    }

    /** The number typed; throws {@link IllegalArgumentException} with a message for the screen. */
    public static double parse(String what, String text) {
        String t = text == null ? "" : text.trim().replace('−', '-').replace(',', '.');
        if (t.isEmpty()) {
            throw new IllegalArgumentException(what + " needs a number; the field is empty");
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a number");
        }
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException(what + " cannot be NaN");
        }
        if (Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be finite");
        }
        return v;
    }

    /**
     * {@code v} moved one nudge by a wheel turned by {@code delta} (up: larger, down: smaller), the step
     * ten times larger with Shift ({@code coarse}).
     */
    public static double wheeled(double v, double delta, boolean coarse) {
        return v + Math.signum(delta) * nudgeStep(v, coarse);
    }

    /** A nudge of about 1% of the value (0.01 near zero), ten times larger with Shift. */
    public static double nudgeStep(double v, boolean coarse) {
        double step = Math.abs(v) < 1 ? 0.01 : Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - 1);
        return coarse ? step * 10 : step;
    }
}

package backprop.engine.program;

/** A mistake in a program's text, with the 1-based line and column where it was found. */
public final class ProgramException extends IllegalArgumentException {
    private final int line;
    private final int column;
    private final String problem;

    public ProgramException(int line, int column, String problem) {
        super("line " + line + ", column " + column + ": " + problem);
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without its position. */
    public String problem() {
        return problem;
    }
}

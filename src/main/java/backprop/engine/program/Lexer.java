package backprop.engine.program;

import java.util.ArrayList;
import java.util.List;

/** Splits program text into tokens; newlines and ';' end statements, '#' starts a comment. */
final class Lexer {
    enum Type { NUMBER, NAME, OP, LPAREN, RPAREN, COMMA, EQUALS, END_OF_STATEMENT, EOF }

    record Token(Type type, String text, int offset, int line, int column) {
    }

    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;

    Lexer(String src) {
        this.src = src;
    }

    List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '\n' || c == ';') {
                out.add(token(Type.END_OF_STATEMENT, pos, pos + 1));
                pos++;
                if (c == '\n') {
                    line++;
                    lineStart = pos;
                }
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
                out.add(number());
            } else if (backprop.engine.Graph.isNameStart(c)) {
                int start = pos;
                while (pos < src.length() && backprop.engine.Graph.isNamePart(src.charAt(pos))) {
                    pos++;
                }
                out.add(token(Type.NAME, start, pos));
            } else {
                Type type = switch (c) {
                    case '+', '-', '*', '/', '^', '−', '×', '·', '÷' -> Type.OP;
                    case '(' -> Type.LPAREN;
                    case ')' -> Type.RPAREN;
                    case ',' -> Type.COMMA;
                    case '=' -> Type.EQUALS;
                    default -> throw new ProgramException(line, pos - lineStart + 1, "unexpected character '" + c + "'");
                };
                out.add(token(type, pos, pos + 1));
                pos++;
            }
        }
        out.add(token(Type.EOF, pos, pos));
        return out;
    }

    private Token number() {
        int start = pos;
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save; // "2e" is 2 followed by the name e
            }
        }
        Token t = token(Type.NUMBER, start, pos);
        double v;
        try {
            v = Double.parseDouble(t.text());
        } catch (NumberFormatException e) {
            throw new ProgramException(t.line(), t.column(), "'" + t.text() + "' is not a number");
        }
        if (Double.isInfinite(v)) { // parseDouble gives infinity: a value the graph could not show or train
            throw new ProgramException(t.line(), t.column(), "'" + t.text() + "' is too large: numbers go up to about 1.8e308");
        }
        return t;
    }

    private Token token(Type type, int start, int end) {
        return new Token(type, src.substring(start, end), start, line, start - lineStart + 1);
    }
}

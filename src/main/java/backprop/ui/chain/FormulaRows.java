package backprop.ui.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Breaks chain-rule lines that are too wide for the panel into rows, the way a textbook does: first
 * at an "=" (or before a parenthesised note after {@code \quad}), the next row starting under the
 * first "=" ({@code \phantom} of the left-hand side keeps it aligned to the pixel); a row still too
 * wide then breaks between the factors or terms of a product or sum, continuing under the right-hand
 * side. Narrower rows let the panel show the formula at full size instead of shrinking every line to
 * the width of the longest.
 */
final class FormulaRows {
    static final String EQUALS = " = ";
    static final String QUAD = " \\quad ";
    /** Between the factors and terms of a right-hand side: "·", "×", "+", or two fractions side by side. */
    static final List<String> INNER = List.of(" \\cdot ", " \\times ", " + ", " ");
    static final String SUM = " + ";

    private FormulaRows() {
    }

    /**
     * The rows to typeset {@code line} in: the line whole if {@code width} says it fits in
     * {@code maxWidth}, else broken as described above (a piece wider than a row on its own gets a
     * row and is left to be scaled).
     */
    static List<String> rows(String line, ToDoubleFunction<String> width, double maxWidth) {
        if (width.applyAsDouble(line) <= maxWidth) {
            return List.of(line);
        }
        List<String> parts = splitTopLevel(line, List.of(EQUALS, QUAD));
        if (parts.size() < 3) {
            return List.of(line);
        }
        String lhs = parts.get(0);
        // a left-hand side wider than half the row would push what follows it off the row
        boolean aligned = width.applyAsDouble(lhs) <= maxWidth / 2;
        String underEquals = aligned ? "\\phantom{" + lhs + "}" : "\\qquad";
        String underRhs = aligned ? "\\phantom{" + lhs + " =}\\;" : "\\qquad\\qquad";
        List<String> rows = new ArrayList<>();
        boolean lastWasBrokenInside = false;
        for (String row : greedy(parts, true, underEquals, width, maxWidth)) {
            if (lastWasBrokenInside && row.startsWith(underEquals)) {
                // "= numbers" after the last factor of a broken product, if it fits there
                String joined = rows.get(rows.size() - 1) + row.substring(underEquals.length());
                if (width.applyAsDouble(joined) <= maxWidth) {
                    rows.set(rows.size() - 1, joined);
                    lastWasBrokenInside = false;
                    continue;
                }
            }
            lastWasBrokenInside = width.applyAsDouble(row) > maxWidth;
            if (lastWasBrokenInside) {
                // a sum of products breaks between its terms ("+ 1.2 × 0.048", not "+ 1.2" then "× 0.048"),
                // and only a term too wide on its own between its factors
                for (String terms : greedy(splitTopLevel(row, List.of(SUM)), false, underRhs, width, maxWidth)) {
                    if (width.applyAsDouble(terms) > maxWidth) {
                        rows.addAll(greedy(splitTopLevel(terms, INNER), false, underRhs, width, maxWidth));
                    } else {
                        rows.add(terms);
                    }
                }
            } else {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * {@code parts} (text, then separator and text alternately) as many to a row as fit; a new row
     * starts {@code indent} + separator. With {@code keepFirstTwo} the first row has at least the first
     * two pieces when an "=" joins them (a left-hand side is never alone on its row).
     */
    private static List<String> greedy(List<String> parts, boolean keepFirstTwo, String indent,
                                       ToDoubleFunction<String> width, double maxWidth) {
        List<String> rows = new ArrayList<>();
        StringBuilder row = new StringBuilder(parts.get(0));
        // an equation's left-hand side is never alone on its row; a heading before a \quad may be
        boolean alone = keepFirstTwo && parts.size() > 1 && parts.get(1).equals(EQUALS);
        for (int k = 1; k < parts.size(); k += 2) {
            String next = parts.get(k) + parts.get(k + 1);
            if (alone || width.applyAsDouble(row + next) <= maxWidth) {
                row.append(next);
            } else {
                rows.add(row.toString());
                // a row that starts with "+" or "×" spaces it as the sum's or product's: TeX (and
                // jlatexmath, which drops an empty "{}" before it) sets a leading operator tight as a sign ("+1.2")
                // a product written as fractions side by side gets its "·" on the new row, not a bare fraction
                String sep = parts.get(k).isBlank() ? " \\cdot\\: " : INNER.contains(parts.get(k)) ? parts.get(k).stripTrailing() + "\\: " : parts.get(k);
                row = new StringBuilder(indent).append(sep).append(parts.get(k + 1));
            }
            alone = false;
        }
        rows.add(row.toString());
        return rows;
    }

    /**
     * {@code line} cut at each of {@code separators} that stands outside every group ({@code {}},
     * parentheses, brackets, {@code \left…\right}, {@code \begin…\end}): text, then separator and text alternately. Joining
     * the result gives {@code line} back. The separator " " only counts between a group and a
     * {@code \frac} (fractions written side by side, as a product).
     */
    static List<String> splitTopLevel(String line, List<String> separators) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        int i = 0;
        scan:
        while (i < line.length()) {
            if (depth == 0 && i > start) {
                for (String sep : separators) {
                    if (line.startsWith(sep, i) && i + sep.length() < line.length()
                            && (!sep.equals(" ") || line.charAt(i - 1) == '}' && line.startsWith("\\frac", i + 1))) {
                        parts.add(line.substring(start, i));
                        parts.add(sep);
                        i += sep.length();
                        start = i;
                        continue scan;
                    }
                }
            }
            char c = line.charAt(i);
            if (c == '\\') {
                int j = i + 1;
                while (j < line.length() && Character.isLetter(line.charAt(j))) {
                    j++;
                }
                String command = line.substring(i + 1, Math.min(line.length(), Math.max(j, i + 2)));
                switch (command) {
                    case "left", "begin" -> depth++;
                    case "right", "end" -> depth--;
                    default -> { }
                }
                i += command.length() + 1; // an escaped brace ("\{") is not a group
                continue;
            }
            if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
            }
            i++;
        }
        parts.add(line.substring(start));
        return parts;
    }
}

package backprop.ui.layout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ELK's layouts of the built-in lessons, worked out when the repository was built
 * ({@code tools/precompute-layouts.sh}) and looked up by their exact input. The first frame shows the
 * apple graph; with its layout here, start-up neither loads ELK and the ~300 classes of its model
 * library (EMF, compiled for Java 5, so the class-data-sharing archive cannot hold them) nor runs
 * it, on a two-core machine where those 150 ms of CPU competed with the window's. An input not here
 * (a typed formula, a lesson changed since) is laid out by ELK as before; {@code PrecomputedLayoutsTest}
 * checks that every stored layout is what ELK makes of its input and that every built-in lesson is
 * stored.
 *
 * <p>Format, one record per tab-separated line: {@code layout inGivenOrder width height}, then the
 * input ({@code node id w h}, {@code edge id source target labelWidth labelHeight}) and the output
 * ({@code placed id x y w h}, {@code routed id source target labelX labelY labelWidth x y x y…},
 * "-" for no label), numbers as {@link Double#toString} writes them (exact).
 */
public final class PrecomputedLayouts {
    static final String RESOURCE = "/backprop/ui/layout/precomputed-layouts.tsv";

    /** One stored layout: ELK's input and what it made of it. */
    public record Entry(LayoutInput input, GraphLayout layout) {
    }

    private static Map<String, GraphLayout> stored;

    private PrecomputedLayouts() {
    }

    /** The stored layout of exactly this input, if there is one. */
    public static Optional<GraphLayout> find(LayoutInput input) {
        return Optional.ofNullable(stored().get(input.key()));
    }

    private static synchronized Map<String, GraphLayout> stored() {
        if (stored == null) {
            Map<String, GraphLayout> m = new HashMap<>();
            try (InputStream in = PrecomputedLayouts.class.getResourceAsStream(RESOURCE)) {
                if (in != null) {
                    for (Entry e : read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)))) {
                        m.put(e.input().key(), e.layout());
                    }
                }
            } catch (IOException | RuntimeException e) {
                m.clear(); // a damaged store only costs time: ELK lays everything out
            }
            stored = m;
        }
        return stored;
    }

    /** {@code entries} in the format above. */
    public static String write(List<Entry> entries) {
        StringBuilder out = new StringBuilder();
        for (Entry e : entries) {
            GraphLayout l = e.layout();
            line(out, "layout", e.input().inGivenOrder(), l.width(), l.height());
            for (LayoutNode n : e.input().nodes()) {
                line(out, "node", n.id(), n.width(), n.height());
            }
            for (LayoutEdge ed : e.input().edges()) {
                line(out, "edge", ed.id(), ed.source(), ed.target(), ed.labelWidth(), ed.labelHeight());
            }
            for (PlacedNode p : l.nodes().values()) {
                line(out, "placed", p.id(), p.x(), p.y(), p.width(), p.height());
            }
            for (RoutedEdge r : l.edges().values()) {
                List<Object> f = new ArrayList<>(List.of("routed", r.id(), r.source(), r.target()));
                f.add(r.label() == null ? "-" : r.label().x());
                f.add(r.label() == null ? "-" : r.label().y());
                f.add(r.labelWidth());
                for (LayoutPoint p : r.points()) {
                    f.add(p.x());
                    f.add(p.y());
                }
                line(out, f.toArray());
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            String s = String.valueOf(fields[i]);
            if (s.contains("\t") || s.contains("\n")) {
                throw new IllegalArgumentException("a tab or newline in a layout id: " + s);
            }
            out.append(i == 0 ? "" : "\t").append(s);
        }
        out.append('\n');
    }

    /** Entries written by {@link #write}. */
    public static List<Entry> read(BufferedReader in) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Builder b = null;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "layout" -> {
                    if (b != null) {
                        entries.add(b.build());
                    }
                    b = new Builder(Boolean.parseBoolean(f[1]), d(f[2]), d(f[3]));
                }
                case "node" -> b.nodes.add(new LayoutNode(f[1], d(f[2]), d(f[3])));
                case "edge" -> b.edges.add(new LayoutEdge(f[1], f[2], f[3], d(f[4]), d(f[5])));
                case "placed" -> b.placed.put(f[1], new PlacedNode(f[1], d(f[2]), d(f[3]), d(f[4]), d(f[5])));
                case "routed" -> {
                    List<LayoutPoint> points = new ArrayList<>();
                    for (int i = 7; i + 1 < f.length; i += 2) {
                        points.add(new LayoutPoint(d(f[i]), d(f[i + 1])));
                    }
                    LayoutPoint label = f[4].equals("-") ? null : new LayoutPoint(d(f[4]), d(f[5]));
                    b.routed.put(f[1], new RoutedEdge(f[1], f[2], f[3], points, label, d(f[6])));
                }
                default -> throw new IOException("unknown record '" + f[0] + "' in " + RESOURCE);
            }
        }
        if (b != null) {
            entries.add(b.build());
        }
        return entries;
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }

    private static final class Builder {
        final boolean inGivenOrder;
        final double width;
        final double height;
        final List<LayoutNode> nodes = new ArrayList<>();
        final List<LayoutEdge> edges = new ArrayList<>();
        final Map<String, PlacedNode> placed = new LinkedHashMap<>();
        final Map<String, RoutedEdge> routed = new LinkedHashMap<>();

        Builder(boolean inGivenOrder, double width, double height) {
            this.inGivenOrder = inGivenOrder;
            this.width = width;
            this.height = height;
        }

        Entry build() {
            return new Entry(new LayoutInput(nodes, edges, inGivenOrder), new GraphLayout(placed, routed, width, height));
        }
    }
}

package backprop.ui.layout;

/** Geometry the layout tests check drawings with: boxes that overlap, a segment through a box. */
public final class LayoutGeometry {
    /** Touches at a box's border are where edges start and end, not crossings. */
    public static final double INSET = 1.0;

    private LayoutGeometry() {
    }

    /** Whether two boxes share area (touching edges do not). */
    public static boolean overlap(PlacedNode a, PlacedNode b) {
        return a.x() < b.x() + b.width() && b.x() < a.x() + a.width()
                && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
    }

    /** Liang-Barsky clipping of segment p-q against the box shrunk by {@link #INSET}: touching its border, where edges start and end, is not hitting it. */
    public static boolean segmentHitsBox(LayoutPoint p, LayoutPoint q, PlacedNode n) {
        double minX = n.x() + INSET;
        double maxX = n.x() + n.width() - INSET;
        double minY = n.y() + INSET;
        double maxY = n.y() + n.height() - INSET;
        double dx = q.x() - p.x();
        double dy = q.y() - p.y();
        double[] pk = {-dx, dx, -dy, dy};
        double[] qk = {p.x() - minX, maxX - p.x(), p.y() - minY, maxY - p.y()};
        double t0 = 0;
        double t1 = 1;
        for (int k = 0; k < 4; k++) {
            if (pk[k] == 0) {
                if (qk[k] < 0) {
                    return false;
                }
            } else {
                double t = qk[k] / pk[k];
                if (pk[k] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        return t0 <= t1;
    }
}

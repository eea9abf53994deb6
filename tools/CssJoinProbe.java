package backprop.ui.graph;

import backprop.engine.Graph;
import backprop.engine.program.ProgramParser;
import backprop.ui.App;
import backprop.ui.MainView;
import backprop.ui.Rehearsal;
import backprop.ui.fx.HeadlessFx;
import backprop.ui.model.LessonModel;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

/**
 * The CSS pass that styles a big graph's views as they join the window: the 205-node program's box
 * and edge views are made afresh each round, added beside the graph view of a real main window, and
 * styled with {@code applyCss()}, timed. Rounds alternate nothing else, so the last rounds show the
 * JIT-compiled cost. In package backprop.ui.graph for its views (package-private).
 * <pre>
 *   javac -cp target/backprop-visualizer.jar -d /tmp/probe tools/CssJoinProbe.java
 *   java -cp target/backprop-visualizer.jar:/tmp/probe backprop.ui.graph.CssJoinProbe 120
 * </pre>
 */
public final class CssJoinProbe {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        HeadlessFx.startToolkitHeadless();
        Graph g = ProgramParser.parse(Rehearsal.program(205));
        GraphScene sc = GraphScene.of(g, ViewMode.OPERATIONS);
        sc.layout();
        Pane host = HeadlessFx.onFxThread(() -> {
            MainView view = new MainView(new LessonModel(Runnable::run, Platform::runLater), Runnable::run);
            Stage stage = new Stage();
            stage.setScene(App.createScene(view, 1280, 800));
            stage.show();
            return (Pane) view.graphView().getParent();
        });
        double[] ms = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ms[r] = HeadlessFx.onFxThread(() -> {
                Group nodes = new Group();
                Group labels = new Group();
                Group edges = new Group();
                for (GraphScene.Box b : sc.boxes()) {
                    NodeView v = new NodeView(b, b.id());
                    Styles.cacheText(v);
                    nodes.getChildren().add(v);
                }
                for (GraphScene.Line l : sc.lines()) {
                    EdgeView e = new EdgeView(l, sc.layout().edges().get(l.id()));
                    Styles.cacheText(e.label);
                    edges.getChildren().add(e.shape);
                    labels.getChildren().add(e.label);
                }
                Group all = new Group(edges, labels, nodes);
                host.getChildren().add(all);
                long start = System.nanoTime();
                all.applyCss();
                double took = (System.nanoTime() - start) / 1e6;
                host.getChildren().remove(all);
                return took;
            });
        }
        double[] late = java.util.Arrays.copyOfRange(ms, rounds / 3, rounds);
        java.util.Arrays.sort(late);
        System.out.printf("%d boxes, %d edges; CSS pass of all their views, median of rounds %d-%d: %.1f ms (first round %.1f ms)%n",
                sc.boxes().size(), sc.lines().size(), rounds / 3 + 1, rounds, late[late.length / 2], ms[0]);
        Platform.exit();
        System.exit(0);
    }
}

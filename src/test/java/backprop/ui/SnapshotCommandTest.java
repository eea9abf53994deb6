package backprop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot command as a user runs it: in a JVM of its own (it starts the toolkit headless and
 * stops it when done, which a test JVM shared with TestFX cannot allow).
 */
class SnapshotCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run snapshot(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "backprop.Main", "snapshot"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void writesThePictureAtTheAskedSizeAndSaysWhere() throws Exception {
        Path png = dir.resolve("apple.png");
        Run run = snapshot("--scenario", "apple", "--step", "end", "--width", "1024", "--height", "700", "--out", png.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"out\": \"" + png + "\"");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1024);
        assertThat(image.getHeight()).isEqualTo(700);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours).as("a drawn window, not a blank image").hasSizeGreaterThan(20);
    }

    @Test
    void theNeuronViewAtAWeightsUpdateIsDrawnWithoutAnInternalError() throws Exception {
        // the update step of a weight matrix, which the neuron view draws on edges, not in a box: the view's
        // "follow the step" once failed there (and the picture was the window half-updated)
        Path png = dir.resolve("xor.png");
        Run run = snapshot("--scenario", "xor", "--view", "neuron", "--step", "end", "--out", png.toString());
        assertThat(run.err()).doesNotContain("internal error");
        assertThat(run.exit()).isZero();
        assertThat(png).exists();
    }

    @Test
    void anUnknownScenarioIsNamedAndNothingIsWritten() throws Exception {
        Path png = dir.resolve("none.png");
        Run run = snapshot("--scenario", "apples", "--out", png.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("error: unknown scenario 'apples' (known: apple,").doesNotContain("Exception");
        assertThat(Files.exists(png)).isFalse();
    }
}

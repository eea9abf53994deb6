package backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The command line as a user sees it: exit code, JSON on stdout, one line on stderr for a mistake. */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPLE = "apple = 100; count = 2; tax = 1.1; price = apple * count * tax";

    private record Run(int code, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON: " + out, e);
            }
        }
    }

    private static Run run(String... args) {
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run ok(String... args) {
        Run r = run(args);
        assertThat(r.code()).as("exit code; stderr: %s", r.err()).isZero();
        assertThat(r.err()).isEmpty();
        return r;
    }

    // ---- grad -------------------------------------------------------------------------------------

    @Test
    void gradOfTheAppleProgramPrintsSeed001sNumbers() {
        JsonNode j = ok("grad", "-e", APPLE).json();
        assertThat(j.get("output").asText()).isEqualTo("price");
        // exactly what seed 001's Python prints: 220.00000000000003, then 2.2 110.00000000000001 200
        assertThat(j.get("value").asDouble()).isEqualTo(220.00000000000003);
        JsonNode g = j.get("gradients");
        assertThat(g.get("apple").asDouble()).isEqualTo(2.2);
        assertThat(g.get("count").asDouble()).isEqualTo(110.00000000000001);
        assertThat(g.get("tax").asDouble()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        j.get("nodes").forEach(n -> names.add(n.get("name").asText()));
        assertThat(names).containsExactly("apple", "count", "tax", "apple * count", "price");
    }

    @Test
    void gradAtOverridesInputs() {
        JsonNode j = ok("grad", "-e", APPLE, "--at", "apple=150,count=3").json();
        // price = 150 · 3 · 1.1; ∂/∂apple = 3 · 1.1, ∂/∂count = 150 · 1.1, ∂/∂tax = 150 · 3
        assertThat(j.get("value").asDouble()).isEqualTo(150.0 * 3 * 1.1);
        assertThat(j.get("gradients").get("apple").asDouble()).isEqualTo(1.1 * 3);
        assertThat(j.get("gradients").get("count").asDouble()).isEqualTo(1.1 * 150);
        assertThat(j.get("gradients").get("tax").asDouble()).isEqualTo(450);
        // given twice, the option adds up
        JsonNode twice = ok("grad", "-e", APPLE, "--at", "apple=150", "--at", "tax=1").json();
        assertThat(twice.get("value").asDouble()).isEqualTo(300);
    }

    @Test
    void gradReadsAProgramFromAFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("sq.txt");
        Files.writeString(f, "# a square\nx = 3\ny = x * x + x\n");
        JsonNode j = ok("grad", "-f", f.toString()).json();
        assertThat(j.get("value").asDouble()).isEqualTo(12);
        assertThat(j.get("gradients").get("x").asDouble()).isEqualTo(7);
    }

    // ---- train ------------------------------------------------------------------------------------

    private static List<JsonNode> steps(JsonNode j) {
        List<JsonNode> out = new ArrayList<>();
        j.get("steps").forEach(out::add);
        return out;
    }

    @Test
    void trainSeed221WithSgdTheEagerWayTakes111Passes() {
        JsonNode j = ok("train", "--scenario", "seed-221", "--lr", "1", "--update-order", "eager",
                "--until-loss", "1e-7").json();
        List<JsonNode> steps = steps(j);
        assertThat(steps).hasSize(111);
        for (int k = 0; k < steps.size(); k++) {
            assertThat(steps.get(k).get("step").asInt()).isEqualTo(k + 1);
        }
        assertThat(j.get("stopped").asText()).isEqualTo("until-loss");
        // seed 000 prints: step = 2: yp = 0.6820312027460466
        assertThat(steps.get(1).get("outputs").get("y5").asDouble()).isEqualTo(0.6820312027460466);
        assertThat(steps.get(0).get("loss").asDouble()).isEqualTo(0.01810390383656677);
        assertThat(steps.get(110).get("loss").asDouble()).isLessThan(1e-7);
        assertThat(steps.get(109).get("loss").asDouble()).isGreaterThanOrEqualTo(1e-7);
        assertThat(j.get("params").get("w35").isNumber()).isTrue();
        assertThat(j.get("seconds").isNumber()).isTrue();
    }

    @Test
    void trainSeed221WithRmsPropTakes11Passes() {
        JsonNode j = ok("train", "--scenario", "seed-221", "--optimizer", "rmsprop", "--lr", ".1", "--beta", ".999",
                "--eps", ".01", "--update-order", "eager", "--until-loss", "1e-7").json();
        assertThat(steps(j)).hasSize(11);
        assertThat(j.get("stopped").asText()).isEqualTo("until-loss");
        // seed 000: step = 2: yp = 0.6118790538896405
        assertThat(steps(j).get(1).get("outputs").get("y5").asDouble()).isEqualTo(0.6118790538896405);
    }

    @Test
    void trainStopsAtMaxSteps() {
        JsonNode j = ok("train", "--scenario", "seed-221", "--lr", "1", "--max-steps", "5").json();
        assertThat(steps(j)).hasSize(5);
        assertThat(j.get("stopped").asText()).isEqualTo("max-steps");
    }

    @Test
    void aDivergingRunKeepsTheLastAcceptableWeight() {
        // w ← w − 5·2w = −9w: passes use w = 2, −18, 162, −1458, 13122 with losses w² = 4, 324, 26244,
        // 2125764, 172186884; the fifth is over 10⁶ × 4, so the run stops there and keeps w = −1458
        JsonNode j = ok("train", "-e", "param w = 2; loss = w^2", "--lr", "5").json();
        assertThat(j.get("stopped").asText()).isEqualTo("diverged");
        assertThat(j.get("divergence").asText()).contains("pass 5");
        assertThat(steps(j)).extracting(s -> s.get("loss").asDouble())
                .containsExactly(4.0, 324.0, 26244.0, 2125764.0, 172186884.0);
        JsonNode w = j.get("params").get("w");
        assertThat(w.isNumber()).isTrue();
        assertThat(w.asDouble()).isEqualTo(-1458);
    }

    // ---- scenarios --------------------------------------------------------------------------------

    @Test
    void scenariosListsAllEight() {
        JsonNode j = ok("scenarios").json();
        List<String> names = new ArrayList<>();
        j.get("scenarios").forEach(s -> {
            names.add(s.get("name").asText());
            assertThat(s.get("title").asText()).isNotBlank();
            assertThat(s.get("description").asText()).isNotBlank();
        });
        assertThat(names).containsExactlyInAnyOrder("apple", "apple-orange", "sigmoid-decomposed", "seed-221",
                "affine-sigmoid", "softmax-ce", "xor", "logistic");
    }

    // ---- user errors ------------------------------------------------------------------------------

    static List<Arguments> userErrors() {
        return List.of(
                Arguments.of("syntax error", List.of("grad", "-e", "x = 1; y = x +"),
                        List.of("line 1, column 15", "incomplete")),
                Arguments.of("unknown scenario", List.of("train", "--scenario", "nope"),
                        List.of("unknown scenario 'nope'", "seed-221")),
                Arguments.of("unknown optimizer", List.of("train", "--scenario", "seed-221", "--optimizer", "fast"),
                        List.of("unknown optimizer 'fast'", "rmsprop")),
                Arguments.of("bad --at name", List.of("grad", "-e", APPLE, "--at", "pear=1"),
                        List.of("'pear' is not an input or param", "apple")),
                Arguments.of("non-number --at value", List.of("grad", "-e", APPLE, "--at", "apple=lots"),
                        List.of("--at apple", "'lots' is not a number")),
                Arguments.of("missing file", List.of("grad", "-f", "/no/such/dir/prog.txt"),
                        List.of("/no/such/dir/prog.txt", "no such file")),
                Arguments.of("unknown option", List.of("train", "--scenario", "seed-221", "--speed", "9"),
                        List.of("--speed")),
                Arguments.of("negative --lr", List.of("train", "--scenario", "seed-221", "--lr", "-1"),
                        List.of("--lr", "positive")),
                Arguments.of("no source", List.of("train"), List.of("--scenario", "-e=PROGRAM", "-f=FILE")),
                Arguments.of("no source for grad", List.of("grad"), List.of("--scenario")),
                Arguments.of("bad update order", List.of("train", "--scenario", "seed-221", "--update-order", "lazy"),
                        List.of("--update-order", "lazy")),
                Arguments.of("zero --max-steps", List.of("train", "--scenario", "seed-221", "--max-steps", "0"),
                        List.of("--max-steps")),
                Arguments.of("nothing to train", List.of("train", "-e", "x = 1; y = x * 2"), List.of("param")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("userErrors")
    void userErrorsExit2WithOneLineAndNoStackTrace(String what, List<String> args, List<String> mentions) {
        Run r = run(args.toArray(String[]::new));
        assertThat(r.code()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        List<String> lines = r.err().lines().toList();
        assertThat(lines).as("stderr").hasSize(1);
        String line = lines.get(0);
        assertThat(line).startsWith("error: ");
        for (String m : mentions) {
            assertThat(line).contains(m);
        }
        assertThat(line).doesNotContain("Exception").doesNotContain("\tat ");
    }
}

package backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.program.ProgramException;
import backprop.engine.program.ProgramParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Messages a student reads: they name the mistake once and where it is. */
class ErrorMessagesTest {

    @Test
    void twoNumbersInARowPointAtTheSecond() {
        Assertions.assertThatThrownBy(() -> ProgramParser.parse("x = 1 2"))
                .isInstanceOf(ProgramException.class)
                .hasMessage("line 1, column 7: expected the end of the statement, found '2'");
    }

    @Test
    void aMissingSourceSaysErrorOnce() {
        StringWriter err = new StringWriter();
        int code = Cli.commandLine().setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()))
                .execute("grad");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: Missing required argument").doesNotContain("Error:");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void smallSettingsReadAsAStudentWritesThem() {
        assertThat(new backprop.engine.Optimizer.Adam(0.001, 0.9, 0.999, 1e-8).describe())
                .isEqualTo("Adam lr=0.001 β₁=0.9 β₂=0.999 ε=1e-8");
    }
}

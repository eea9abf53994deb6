package backprop.ui.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The chart's tick labels: Numbers.grouped against Java's own "%,d". */
class GroupedNumbersTest {

    @Property
    void groupsDigitsAsFormatterDoes(@ForAll long n) {
        assertThat(Numbers.grouped(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n).replace('-', '−'));
    }

    @Property
    void smallNumbersHaveNoSeparator(@ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 999) int n) {
        assertThat(Numbers.grouped(n)).isEqualTo(Integer.toString(n));
    }
}

package backprop.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The list the app's example picker shows. */
class ScenarioListTest {

    @Test
    void theListedTitleIsTheBuiltScenariosTitle() {
        assertThat(Scenarios.ids()).containsExactly("apple", "apple-orange", "sigmoid-decomposed", "seed-221",
                "affine-sigmoid", "softmax-ce", "xor", "logistic");
        for (String id : Scenarios.ids()) {
            Scenario built = Scenarios.byId(id).orElseThrow();
            assertThat(built.id()).isEqualTo(id);
            assertThat(Scenarios.title(id)).isEqualTo(built.title()).isNotBlank();
        }
    }

    @Test
    void anUnknownIdIsItsOwnTitleAndBuildsNothing() {
        assertThat(Scenarios.title("my-formula")).isEqualTo("my-formula");
        assertThat(Scenarios.byId("my-formula")).isEmpty();
    }
}

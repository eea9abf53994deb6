package backprop.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.Graph;
import backprop.engine.Optimizer;
import backprop.engine.Trainer;
import backprop.engine.UpdateOrder;
import backprop.ui.model.LessonModel;
import org.junit.jupiter.api.Test;

/** The batch size field: offered only with a data set, validated, and training with it matches the trainer. */
class BatchSizeSettingTest {
    private final LessonModel lesson = new LessonModel(Runnable::run, Runnable::run);
    private final TrainingModel model = new TrainingModel(lesson, Runnable::run, Runnable::run);

    @Test
    void onlyLessonsWithADataSetOfferBatches() {
        lesson.load("seed-221");
        assertThat(model.batchableProperty().get()).isFalse();
        lesson.load("xor");
        assertThat(model.batchableProperty().get()).isTrue();
    }

    @Test
    void aBadBatchSizeIsRefusedWithAMessage() {
        lesson.load("xor");
        assertThat(model.edit(TrainingModel.Setting.BATCH_SIZE, "1.5")).isFalse();
        assertThat(model.settingsErrorProperty().get()).startsWith("Batch size must be a whole number")
                .endsWith("it stays all rows.");
        assertThat(model.edit(TrainingModel.Setting.BATCH_SIZE, "")).isTrue();
        assertThat(model.batchSizeProperty().get()).isZero();
    }

    @Test
    void trainingWithBatchesGivesTheTrainersNumbers() {
        lesson.load("xor");
        assertThat(model.edit(TrainingModel.Setting.BATCH_SIZE, "2")).isTrue();
        assertThat(model.edit(TrainingModel.Setting.ITERATIONS, "40")).isTrue();
        model.runIterations();
        Graph g = lesson.lesson().graph();
        Trainer.Result direct = Trainer.train(g, g.initialState(), new Trainer.Config(new Optimizer.Sgd(0.1),
                UpdateOrder.SIMULTANEOUS, Double.NaN, 41, new Trainer.Batches(2, 0))); // a new run seeds its batches with 0
        Run run = model.runs().get(0);
        assertThat(run.size()).isEqualTo(41);
        assertThat(run.lossAt(41)).isEqualTo(direct.last().loss());
        int w = g.byName("W_hidden").orElseThrow().id();
        assertThat(lesson.latestState().value(w)).isEqualTo(direct.finalState().value(w));
    }

    @Test
    void changingTheBatchSizeStartsANewRunAndKeepingItContinuesTheCurve() {
        lesson.load("xor");
        assertThat(model.edit(TrainingModel.Setting.ITERATIONS, "10")).isTrue();
        assertThat(model.edit(TrainingModel.Setting.BATCH_SIZE, "2")).isTrue();
        model.runIterations();
        model.runIterations();
        assertThat(model.runs()).hasSize(1);
        assertThat(model.runs().get(0).size()).isEqualTo(21);
        assertThat(model.runs().get(0).label()).contains("batch 2");

        assertThat(model.edit(TrainingModel.Setting.BATCH_SIZE, "3")).isTrue();
        model.runIterations();
        assertThat(model.runs()).hasSize(2);
        Run second = model.runs().get(1);
        assertThat(second.label()).contains("batch 3").contains("from iteration 21");
        assertThat(second.batchSize()).isEqualTo(3);

        assertThat(model.edit(TrainingModel.Setting.BATCH_SIZE, "")).isTrue(); // the whole data set
        model.runIterations();
        assertThat(model.runs()).hasSize(3);
        assertThat(model.runs().get(2).label()).doesNotContain("batch");
    }
}

package dev.lenet.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.lenet.InvalidParameterException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HyperparametersTest {

    @Test
    void eachIsDeclaredOnceWithItsOwnNameAndOption() {
        List<String> names =
                Hyperparameters.ALL.stream().map(Hyperparameter::name).toList();
        assertEquals(names.stream().distinct().toList(), names);
        assertEquals("--batch-size", Hyperparameters.BATCH_SIZE.option());
        assertEquals("--learning-rate-schedule", Hyperparameters.LEARNING_RATE_SCHEDULE.option());
        assertEquals("--beta2", Hyperparameters.BETA2.option());
        assertEquals(Hyperparameters.SEED, Hyperparameters.named("seed"));
    }

    @Test
    void textIsCheckedAgainstTheRangeAndNamesTheSetting() {
        assertEquals(
                "Invalid epochs 'two': train for at least 1 and at most 10000 epochs, or auto",
                assertThrows(InvalidParameterException.class, () -> Hyperparameters.EPOCHS.parse("two"))
                        .getMessage());
        assertEquals(
                "Invalid beta2 '1.5': Adam's beta2 lies in [0, 1); the default is 0.9",
                assertThrows(InvalidParameterException.class, () -> Hyperparameters.BETA2.parse("1.5"))
                        .getMessage());
        assertEquals(
                "Invalid augment 'yes': true or false",
                assertThrows(InvalidParameterException.class, () -> Hyperparameters.AUGMENT.parse("yes"))
                        .getMessage());
        assertEquals(
                "Invalid learningRateSchedule 'linear': use constant, step, cosine or oneCycle",
                assertThrows(
                                InvalidParameterException.class,
                                () -> new TrainingConfig.Builder().set("learningRateSchedule", "linear"))
                        .getMessage());
        assertEquals(
                "epochs",
                assertThrows(InvalidParameterException.class, () -> Hyperparameters.EPOCHS.parse("-1"))
                        .parameter());
        assertEquals(
                "Invalid precision 'fp16': use float32, bfloat16 or auto",
                assertThrows(InvalidParameterException.class, () -> Hyperparameters.PRECISION.parse("fp16"))
                        .getMessage());
        assertEquals(Precision.BFLOAT16, Hyperparameters.PRECISION.parse("bfloat16"));
        assertEquals(Hyperparameters.AUTO_EPOCHS, Hyperparameters.EPOCHS.parse("auto"));
        assertEquals("auto", Hyperparameters.EPOCHS.text(Hyperparameters.EPOCHS.parse("AUTO")));
    }

    @Test
    void theCardRecordsEachInTheSpecificationsOrder() {
        TrainingConfig config = TrainingConfig.defaults().toBuilder()
                .beta2(0.95)
                .threads(3)
                .precision(Precision.BFLOAT16)
                .build();
        assertEquals(
                "{epochs=auto, batchSize=384, learningRate=0.015, learningRateSchedule=oneCycle, warmupFraction=0.25,"
                        + " finalDivisor=1000.0, beta1=0.7, beta2=0.95, epsilon=1.0E-7, seed=42, scaleInput=true,"
                        + " augment=false, threads=3, precision=bfloat16}",
                config.recorded().toString());
    }

    @Test
    void theChildJvmGetsTheSameBitsThroughJson() throws Exception {
        TrainingConfig config = TrainingConfig.defaults().toBuilder()
                .learningRate(0.1 + 0.2)
                .epsilon(Math.nextUp(1e-7))
                .seed(Long.MAX_VALUE)
                .augment(true)
                .learningRateSchedule(LearningRateSchedule.COSINE)
                .device(Device.CPU)
                .stopping(new Stopping(100, Stopping.Monitor.VAL_ACCURACY, 2, 0.001, Duration.ofSeconds(90)))
                .build();
        JsonMapper json = JsonMapper.builder().build();
        assertEquals(config, json.readValue(json.writeValueAsString(config), TrainingConfig.class));
    }

    @Test
    void everyDefaultLiesInItsRange() {
        for (Hyperparameter<?> h : Hyperparameters.ALL) {
            assertEquals(h.defaultValue(), h.parse(h.defaultText()), h.name());
        }
    }
}

package dev.lenet.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The gates' answers for one model, kept apart from the model's card: the overall figure and its limits, the
 * baseline's figures on the same test set, each failure and each pass. {@code metrics.json}, the report, the ML-BOM
 * and the build record read it; an up-to-date build judges the recorded figures again under this build's limits.
 *
 * @param baseline the baseline's figures on the same test set, or null when there is none
 */
@JsonIgnoreProperties(
        value = {"passed", "message"},
        allowGetters = true)
public record Verdict(
        double testAccuracy,
        double minAccuracy,
        double maxAccuracyDrop,
        BaselineResult baseline,
        List<Failure> failures,
        List<String> passes) {

    /** One failed gate: the parameter that sets it, and its sentence naming the figures. */
    public record Failure(String parameter, String message) {}

    @JsonProperty
    public boolean passed() {
        return failures.isEmpty();
    }

    /** Every gate's sentence, failures first, joined. */
    @JsonProperty
    public String message() {
        List<String> all = new ArrayList<>();
        failures.forEach(f -> all.add(f.message()));
        all.addAll(passes);
        return String.join("; ", all);
    }

    /**
     * Tells {@code log} each gate that passed, with {@code suffix}; then, when a gate failed, throws every failure's
     * sentence, joined, followed by the suffix, as the kind of the first (whose parameter the build names).
     */
    public void enforce(String suffix, Consumer<String> log) {
        passes.forEach(pass -> log.accept(pass + suffix));
        if (failures.isEmpty()) {
            return;
        }
        String message =
                String.join("; ", failures.stream().map(Failure::message).toList()) + suffix;
        Failure first = failures.get(0);
        switch (first.parameter()) {
            case "minAccuracy" -> throw new AccuracyGateException(message, testAccuracy, minAccuracy);
            case "maxAccuracyDrop" -> throw new BaselineGateException(message);
            default -> throw new GateException(message, first.parameter());
        }
    }
}

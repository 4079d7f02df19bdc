package dev.lenet.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The gates' answers for one model, kept apart from the model's card: the figures judged (with the baseline's, on the
 * same test set), each failure and each pass. {@code metrics.json}, the report and the ML-BOM read it; an up-to-date
 * build judges it again under this build's limits.
 *
 * @param baseline the baseline's figures on the same test set, or null when there is none
 * @param accuracyFailure why the accuracy gate failed, or null
 * @param baselineFailure why the baseline gate failed, or null
 */
@JsonIgnoreProperties(
        value = {"passed", "message"},
        allowGetters = true)
public record Verdict(
        double testAccuracy,
        double minAccuracy,
        double maxAccuracyDrop,
        BaselineResult baseline,
        String accuracyFailure,
        String baselineFailure,
        List<String> passes) {

    @JsonProperty
    public boolean passed() {
        return accuracyFailure == null && baselineFailure == null;
    }

    /** Every gate's sentence, failures and passes, joined. */
    @JsonProperty
    public String message() {
        List<String> all = new ArrayList<>();
        if (accuracyFailure != null) {
            all.add(accuracyFailure);
        }
        if (baselineFailure != null) {
            all.add(baselineFailure);
        }
        all.addAll(passes);
        return String.join("; ", all);
    }

    /**
     * Throws the first failure, its message followed by {@code suffix}; when every gate passed, tells {@code log} each
     * pass with the suffix.
     */
    public void enforce(String suffix, Consumer<String> log) {
        if (accuracyFailure != null) {
            throw new AccuracyGateException(accuracyFailure + suffix, testAccuracy, minAccuracy);
        }
        if (baselineFailure != null) {
            throw new BaselineGateException(baselineFailure + suffix);
        }
        passes.forEach(pass -> log.accept(pass + suffix));
    }
}

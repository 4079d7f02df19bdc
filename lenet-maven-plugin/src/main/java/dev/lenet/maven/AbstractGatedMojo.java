package dev.lenet.maven;

import dev.lenet.evaluation.Checks;
import dev.lenet.evaluation.GateLimits;
import dev.lenet.evaluation.Gates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;

/** The gates and checks both goals apply, {@code lenet:train} to the model it trains, {@code lenet:evaluate} to any. */
abstract class AbstractGatedMojo extends AbstractLeNetMojo {
    /**
     * The build fails when test accuracy is below this fraction.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.minAccuracy", defaultValue = "0.985")
    protected double minAccuracy;

    /**
     * With a baseline: the build fails when test accuracy is lower than the baseline's by more than this.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.maxAccuracyDrop", defaultValue = "0.005")
    protected double maxAccuracyDrop;

    /**
     * The build fails when any class's test accuracy is below this fraction (0: no floor).
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.minClassAccuracy", defaultValue = "0")
    protected double minClassAccuracy;

    /**
     * Floors for single classes, overriding minClassAccuracy: class=fraction pairs separated by commas, e.g.
     * 7=0.99,9=0.98 (class names as the model has them).
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.classThresholds")
    protected String classThresholds;

    /**
     * With a baseline: the build fails when any class's test accuracy is lower than the baseline's by more than this,
     * whatever the overall accuracy did (1: no limit).
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.maxClassAccuracyDrop", defaultValue = "1")
    protected double maxClassAccuracyDrop;

    /**
     * Also evaluate the test set under seeded corruptions (shift, rotation, noise, blur), each reported on its own.
     * Implied by minRobustAccuracy.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.robustness", defaultValue = "false")
    protected boolean robustness;

    /**
     * Fixes every corrupted image: the same seed gives the same robustness figures.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.robustnessSeed", defaultValue = "1")
    protected long robustnessSeed;

    /**
     * The build fails when test accuracy under any corruption is below this fraction (0: report only).
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.minRobustAccuracy", defaultValue = "0")
    protected double minRobustAccuracy;

    /**
     * The build fails when the expected calibration error on the test set (15 bins) is above this (1: no limit).
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.maxCalibrationError", defaultValue = "1")
    protected double maxCalibrationError;

    /**
     * Further datasets to evaluate the model on, each reported and gated on its own: {@code <evaluationSet>} with
     * {@code <name>}, {@code <dataset>} and an optional {@code <minAccuracy>}. Their classes must be the model's.
     *
     * @since 1.0.0
     */
    @Parameter
    protected List<EvaluationSet> evaluationSets;

    protected AbstractGatedMojo(RepositorySystem repositorySystem, SettingsDecrypter settingsDecrypter) {
        super(repositorySystem, settingsDecrypter);
    }

    protected Gates gates() {
        Map<String, Double> setFloors = new LinkedHashMap<>();
        sets().forEach(set -> setFloors.put(set.getName(), set.getMinAccuracy()));
        return new GateLimits(
                        minAccuracy,
                        maxAccuracyDrop,
                        minClassAccuracy,
                        classThresholds,
                        maxClassAccuracyDrop,
                        minRobustAccuracy,
                        maxCalibrationError,
                        setFloors)
                .gates();
    }

    protected Checks checks() {
        return Checks.asked(
                robustness,
                minRobustAccuracy,
                robustnessSeed,
                sets().stream()
                        .map(set -> new Checks.EvaluationSet(
                                set.getName(), set.getDataset().toPath()))
                        .toList());
    }

    private List<EvaluationSet> sets() {
        return EvaluationSet.checked(evaluationSets);
    }
}

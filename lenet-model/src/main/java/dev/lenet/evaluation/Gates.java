package dev.lenet.evaluation;

import dev.lenet.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every gate a model must pass, judged in one place: the minimum test accuracy, the baseline's overall and per-class
 * drops, per-class floors, the accuracy under corruptions, the calibration error and each evaluation set's minimum. A
 * gate that is not configured is not judged and says nothing.
 */
public record Gates(
        AccuracyGate accuracy,
        BaselineGate regression,
        ClassFloorGate classFloors,
        ClassDropGate classDrop,
        RobustnessGate robustness,
        CalibrationGate calibration,
        EvaluationSetGate evaluationSets) {

    public Gates {
        classFloors = classFloors == null ? ClassFloorGate.none() : classFloors;
        classDrop = classDrop == null ? new ClassDropGate(1) : classDrop;
        robustness = robustness == null ? new RobustnessGate(0) : robustness;
        calibration = calibration == null ? new CalibrationGate(1) : calibration;
        evaluationSets = evaluationSets == null ? new EvaluationSetGate(null) : evaluationSets;
    }

    /** Only the overall accuracy and the baseline's overall drop. */
    public Gates(double minAccuracy, double maxAccuracyDrop) {
        this(new AccuracyGate(minAccuracy), new BaselineGate(maxAccuracyDrop), null, null, null, null, null);
    }

    static void requireFraction(String parameter, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new InvalidParameterException(
                    parameter, value, "a fraction between 0 and 1 is expected, e.g. 0.985 for 98.5%");
        }
    }

    /** @param baseline the baseline's figures on the same test set, or null */
    public Verdict judge(Figures figures, BaselineResult baseline) {
        List<Verdict.Failure> failures = new ArrayList<>();
        List<String> passes = new ArrayList<>();
        double accuracyFigure = figures.testAccuracy();
        accuracy.failure(accuracyFigure)
                .ifPresentOrElse(
                        m -> failures.add(new Verdict.Failure("minAccuracy", m)),
                        () -> passes.add(accuracy.passed(accuracyFigure)));
        if (baseline != null) {
            regression
                    .failure(accuracyFigure, baseline.testAccuracy(), baseline.model())
                    .ifPresentOrElse(
                            m -> failures.add(new Verdict.Failure("maxAccuracyDrop", m)),
                            () -> passes.add(
                                    regression.passed(accuracyFigure, baseline.testAccuracy(), baseline.model())));
            if (classDrop.configured()) {
                classDrop
                        .failure(figures.classes(), figures.perClassAccuracy(), baseline)
                        .ifPresentOrElse(
                                m -> failures.add(new Verdict.Failure("maxClassAccuracyDrop", m)),
                                () -> passes.add(classDrop.passed(baseline)));
            }
        }
        if (classFloors.configured()) {
            classFloors.unknownClass(figures.classes()).ifPresent(name -> {
                throw new InvalidParameterException(
                        "classThresholds",
                        name,
                        "the model has no class of that name; its classes are " + figures.classes());
            });
            String parameter = classFloors.classThresholds().isEmpty() ? "minClassAccuracy" : "classThresholds";
            classFloors
                    .failure(figures.classes(), figures.perClassAccuracy())
                    .ifPresentOrElse(
                            m -> failures.add(new Verdict.Failure(parameter, m)),
                            () -> passes.add(classFloors.passed(figures.classes(), figures.perClassAccuracy())));
        }
        if (robustness.configured() && !figures.robustness().isEmpty()) {
            robustness
                    .failure(figures.robustness())
                    .ifPresentOrElse(
                            m -> failures.add(new Verdict.Failure("minRobustAccuracy", m)),
                            () -> passes.add(robustness.passed(figures.robustness())));
        }
        if (calibration.configured() && figures.calibration() != null) {
            calibration
                    .failure(figures.calibration())
                    .ifPresentOrElse(
                            m -> failures.add(new Verdict.Failure("maxCalibrationError", m)),
                            () -> passes.add(calibration.passed(figures.calibration())));
        }
        if (evaluationSets.configured() && !figures.evaluationSets().isEmpty()) {
            evaluationSets
                    .failure(figures.evaluationSets())
                    .ifPresentOrElse(
                            m -> failures.add(new Verdict.Failure("evaluationSets", m)),
                            () -> passes.add(evaluationSets.passed(figures.evaluationSets())));
        }
        return new Verdict(
                accuracyFigure,
                accuracy.minAccuracy(),
                regression.maxAccuracyDrop(),
                baseline,
                List.copyOf(failures),
                List.copyOf(passes));
    }

    /** Judges an overall accuracy alone (and the baseline's overall drop). */
    public Verdict judge(double testAccuracy, BaselineResult baseline) {
        return judge(Figures.ofAccuracy(testAccuracy), baseline);
    }
}

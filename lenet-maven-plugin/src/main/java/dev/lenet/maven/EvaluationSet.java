package dev.lenet.maven;

import dev.lenet.InvalidParameterException;
import java.io.File;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A further dataset the model is evaluated on after training, as {@code <evaluationSets><evaluationSet>} in the pom:
 * its {@code name}, its {@code dataset} (any form {@code dataset} takes) and an optional {@code minAccuracy}.
 */
public class EvaluationSet {
    /** How reports and messages name the set. */
    private String name;

    /** The set: IDX files, class folders, CSV or an archive of them. */
    private File dataset;

    /** The build fails when the model's accuracy on the set is below this; 0 reports it only. */
    private double minAccuracy;

    /** The sets as configured, each with a name of its own and a dataset; none when unset. */
    static List<EvaluationSet> checked(List<EvaluationSet> sets) {
        if (sets == null) {
            return List.of();
        }
        Set<String> names = new HashSet<>();
        for (EvaluationSet set : sets) {
            if (set.getName() == null || set.getName().isBlank() || !names.add(set.getName())) {
                throw new InvalidParameterException(
                        "evaluationSets",
                        set.getName(),
                        "each <evaluationSet> needs a <name> of its own, used in reports and messages");
            }
            if (set.getDataset() == null) {
                throw new InvalidParameterException(
                        "evaluationSets", set.getName(), "the <evaluationSet> needs a <dataset>");
            }
        }
        return sets;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public File getDataset() {
        return dataset;
    }

    public void setDataset(File dataset) {
        this.dataset = dataset;
    }

    public double getMinAccuracy() {
        return minAccuracy;
    }

    public void setMinAccuracy(double minAccuracy) {
        this.minAccuracy = minAccuracy;
    }
}

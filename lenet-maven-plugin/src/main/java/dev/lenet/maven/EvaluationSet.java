package dev.lenet.maven;

import java.io.File;

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

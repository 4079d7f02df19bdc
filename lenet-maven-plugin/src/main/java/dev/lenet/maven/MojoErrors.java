package dev.lenet.maven;

import dev.lenet.InvalidParameterException;
import dev.lenet.LeNetException;
import dev.lenet.data.DatasetUnavailableException;
import dev.lenet.data.InvalidDatasetException;
import dev.lenet.evaluation.AccuracyGateException;
import dev.lenet.evaluation.BaselineGateException;
import dev.lenet.training.TrainingDivergedException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Turns the core's errors into Maven's, naming the pom element and the {@code -Dlenet.*} property to change.
 * A failed gate is a {@link MojoFailureException} (the build's verdict); everything else is a
 * {@link MojoExecutionException} (the build could not do its work). Each message holds the core's message whole, since
 * Maven prints every cause's message that the message does not already contain.
 */
final class MojoErrors {
    private MojoErrors() {}

    static String where(String parameter) {
        return "<" + parameter + ">, -Dlenet." + parameter;
    }

    static MojoFailureException failure(AccuracyGateException e) {
        return new MojoFailureException(e.getMessage() + " (" + where("minAccuracy") + ")", e);
    }

    static MojoFailureException failure(BaselineGateException e) {
        return new MojoFailureException(e.getMessage() + " (" + where("maxAccuracyDrop") + ")", e);
    }

    static MojoExecutionException execution(LeNetException e) {
        if (e instanceof InvalidParameterException p) {
            return new MojoExecutionException(e.getMessage() + " (" + where(p.parameter()) + ")", e);
        }
        if (e instanceof InvalidDatasetException || e instanceof DatasetUnavailableException) {
            return new MojoExecutionException(e.getMessage() + " (" + where("dataset") + ")", e);
        }
        if (e instanceof TrainingDivergedException) {
            return new MojoExecutionException(e.getMessage() + " (" + where("learningRate") + ")", e);
        }
        return new MojoExecutionException(e.getMessage(), e);
    }
}

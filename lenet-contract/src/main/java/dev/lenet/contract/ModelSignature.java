package dev.lenet.contract;

/**
 * How a model is called, in both formats: a batch of 28x28 greyscale images as unsigned bytes (one byte per pixel,
 * row-major, 0 = background; the scaling is inside the graph) under {@value #IMAGE}, each class's probability under
 * {@value #PROBABILITIES}. The SavedModel serves it as the signature {@value #SIGNATURE} of the meta graph tagged
 * {@value #TAG}; the ONNX model names its classes in its metadata.
 */
public final class ModelSignature {
    public static final String TAG = "serve";
    public static final String SIGNATURE = "serving_default";
    public static final String METHOD = "tensorflow/serving/predict";

    public static final String IMAGE = "image";
    public static final String PROBABILITIES = "probabilities";

    public static final int ROWS = 28;
    public static final int COLUMNS = 28;
    public static final int PIXELS = ROWS * COLUMNS;

    /** ONNX metadata: the number of classes. */
    public static final String ONNX_CLASS_COUNT = "lenet.classes";

    /** ONNX metadata: a class's name, under this prefix and its index ({@code lenet.class.0}). */
    public static final String ONNX_CLASS_NAME = "lenet.class.";

    private ModelSignature() {}
}

/** The trained model as an artifact: the frozen SavedModel and the ONNX model, the model card, its CycloneDX ML-BOM, the reproducible jar. */
package dev.lenet.export;

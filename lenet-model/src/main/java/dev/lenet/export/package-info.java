/** The trained model as an artifact: the lean SavedModel, its model card, its CycloneDX ML-BOM, the reproducible jar. */
package dev.lenet.export;

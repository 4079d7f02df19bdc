/**
 * The model artifact's contract, shared by the trainer that writes an artifact and the consumers that read it
 * (lenet-tensorflow, lenet-onnx): where each file sits in the jar, the names of the graph's input and output, the ONNX
 * metadata keys, the model card's fields as consumers read them, and {@link dev.lenet.contract.Prediction}. It depends
 * on nothing but the JDK, so a consumer's classpath carries only the runtime it chose.
 */
package dev.lenet.contract;

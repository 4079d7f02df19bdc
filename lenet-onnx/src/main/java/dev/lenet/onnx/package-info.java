/**
 * The consumer's API on ONNX Runtime: classify digits with the {@code model.onnx} of a model artifact, with no
 * TensorFlow jar or native library on the classpath. The same inputs, outputs and errors as the TensorFlow consumer
 * ({@code dev.lenet.inference} in lenet-tensorflow): both follow lenet-contract.
 */
package dev.lenet.onnx;

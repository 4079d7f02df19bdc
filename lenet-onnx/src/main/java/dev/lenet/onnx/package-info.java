/**
 * The consumer's API on ONNX Runtime: classify digits with the {@code model.onnx} of a model artifact, with no
 * TensorFlow jar or native library on the classpath. The same inputs and outputs as the TensorFlow API in
 * {@code dev.lenet.inference} of lenet-model.
 */
package dev.lenet.onnx;

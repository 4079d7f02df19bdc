/**
 * The TensorFlow consumer: open a model artifact (its SavedModel, from a directory, a jar or the classpath) and
 * classify digits. It depends on TensorFlow Java and lenet-contract only: nothing of the trainer.
 */
package dev.lenet.inference;

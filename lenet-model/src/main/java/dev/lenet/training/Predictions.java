package dev.lenet.training;

import dev.lenet.evaluation.Evaluation;

/** A model's answer for each image of a set: the class, all ten probabilities, and the evaluation they make. */
public record Predictions(int[] predicted, float[][] probabilities, Evaluation evaluation) {}

package dev.lenet.data;

/** A training and a test set read from one location. */
public record MnistDataset(String location, Digits train, Digits test) {}

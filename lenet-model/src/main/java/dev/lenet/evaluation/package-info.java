/** How good a model is: predictions over a set in batches, accuracy and the confusion matrix, the accuracy and baseline gates, example digits. */
package dev.lenet.evaluation;

/** The whole path in one JVM: read the data, train, evaluate, export (training), or load and evaluate (evaluation). */
package dev.lenet.pipeline;

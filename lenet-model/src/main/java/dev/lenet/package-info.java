/** The core of lenet-maven-plugin, free of Maven: train LeNet-5 on MNIST-format data, gate it, export and consume it; errors every package reports ({@link dev.lenet.LeNetException}). */
package dev.lenet;

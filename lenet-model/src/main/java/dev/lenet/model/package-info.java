/** What LeNet-5 is: its graph with named endpoints, its parameters, their seeded Glorot-uniform initialiser, the summary. */
package dev.lenet.model;

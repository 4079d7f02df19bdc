/** The consumer's API: open a packaged model (directory, jar or classpath) and classify digits. */
package dev.lenet.inference;

/** Running a pipeline in a child JVM (oneDNN on, native logs kept out of the build's output) and bringing back its report or its error. */
package dev.lenet.fork;

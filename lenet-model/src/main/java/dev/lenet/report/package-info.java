/** What a run leaves for people and tools to read: metrics.json, report.html, TensorBoard event files. */
package dev.lenet.report;

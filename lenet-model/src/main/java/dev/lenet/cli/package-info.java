/** The command line: train as the plugin does, printing what a person reads. */
package dev.lenet.cli;

/** Training with Adam: the configuration, the graph it builds, the state it carries from epoch to epoch (also what a checkpoint saves), and the loop that moves the state on. */
package dev.lenet.training;

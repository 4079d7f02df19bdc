/** The Maven adapter: goals that hold parameters, make one call into the core, and map its errors to Maven's. */
package dev.lenet.maven;

/** How a run tells a person what happens: the log interface, one line per epoch, progress drawn only on a watched terminal. */
package dev.lenet.log;

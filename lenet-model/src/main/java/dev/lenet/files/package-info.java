/** Writing files so that nothing already there is lost: to a partial file beside the target, then moved into place. */
package dev.lenet.files;

/** From bytes on disk to validated images and labels: strict IDX parsing, directories and archives read in place, the per-user dataset cache and its sources. */
package dev.lenet.data;

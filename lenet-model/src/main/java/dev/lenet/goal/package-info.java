/** What the goals do, free of Maven: the up-to-date check, training or evaluating (forked), the gates, reports, the packaged artifact and its ML-BOM. */
package dev.lenet.goal;

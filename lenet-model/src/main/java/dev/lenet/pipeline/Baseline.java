package dev.lenet.pipeline;

import dev.lenet.LeNetException;
import dev.lenet.contract.Causes;
import dev.lenet.data.Sha256;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An earlier model to compare against: its name for messages (Maven coordinates, say) and its packaged artifact.
 */
public record Baseline(String name, Path artifact) {

    public String sha256() {
        try {
            return Sha256.of(artifact);
        } catch (IOException e) {
            throw new LeNetException(
                    "cannot read the baseline model " + name + " at " + artifact + " (" + Causes.describe(e) + ")", e);
        }
    }
}

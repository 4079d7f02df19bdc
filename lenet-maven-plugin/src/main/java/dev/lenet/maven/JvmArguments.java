package dev.lenet.maven;

import java.util.List;
import org.apache.maven.shared.utils.cli.CommandLineException;
import org.apache.maven.shared.utils.cli.CommandLineUtils;

/** The child JVM's options from the {@code jvmArgs} parameter, split as a shell would: quotes keep an argument whole. */
final class JvmArguments {
    private JvmArguments() {}

    static List<String> split(String jvmArgs) {
        if (jvmArgs == null || jvmArgs.isBlank()) {
            return List.of();
        }
        try {
            return List.of(CommandLineUtils.translateCommandline(jvmArgs.trim()));
        } catch (CommandLineException e) {
            throw new dev.lenet.InvalidParameterException(
                    "jvmArgs",
                    jvmArgs,
                    "cannot be split into JVM options (" + e.getMessage() + "); close every quote",
                    e);
        }
    }
}

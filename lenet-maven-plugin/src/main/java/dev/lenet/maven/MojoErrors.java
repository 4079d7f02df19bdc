package dev.lenet.maven;

import dev.lenet.LeNetException;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Turns the core's errors into Maven's, naming the pom element and the {@code -Dlenet.*} property the error names
 * ({@link LeNetException#parameter()}). A verdict (a failed gate) is a {@link MojoFailureException}; everything else is a
 * {@link MojoExecutionException} (the build could not do its work). Each message holds the core's message whole, since
 * Maven prints every cause's message that the message does not already contain.
 */
final class MojoErrors {
    private MojoErrors() {}

    /** Parameters set in the pom alone: a list of objects has no user property. */
    private static final Set<String> POM_ONLY = Set.of("evaluationSets");

    static String where(String parameter) {
        return POM_ONLY.contains(parameter) ? "<" + parameter + ">" : "<" + parameter + ">, -Dlenet." + parameter;
    }

    /** The core's message whole, then the pom element and property of the setting that fixes it. */
    static String message(LeNetException e) {
        return e.parameter() == null ? e.getMessage() : e.getMessage() + " (" + where(e.parameter()) + ")";
    }

    static MojoFailureException failure(LeNetException e) {
        return new MojoFailureException(message(e), e);
    }

    static MojoExecutionException execution(LeNetException e) {
        return new MojoExecutionException(message(e), e);
    }
}

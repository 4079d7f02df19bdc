package dev.lenet.maven;

import dev.lenet.pipeline.Baseline;
import java.util.List;
import java.util.Optional;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.version.Version;

/**
 * Finds a baseline model through Maven's own repositories (the local one and the project's remote ones; offline mode
 * is honoured by the session): {@code groupId:artifactId:version[:classifier]}, or {@value #LATEST_RELEASE} for the
 * newest release of this project's own model other than the version being built.
 */
final class BaselineResolver {
    static final String LATEST_RELEASE = "latest-release";

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    BaselineResolver(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.system = system;
        this.session = session;
        this.repositories = repositories;
    }

    /** The baseline, or empty with {@code why} holding the reason when none can be found. */
    Optional<Baseline> resolve(String spec, MavenProject project, String classifier, StringBuilder why) {
        Artifact wanted;
        if (spec.trim().equals(LATEST_RELEASE)) {
            Optional<String> version = latestRelease(project, classifier, why);
            if (version.isEmpty()) {
                return Optional.empty();
            }
            wanted = new DefaultArtifact(
                    project.getGroupId(), project.getArtifactId(), classifier, "jar", version.get());
        } else {
            String[] parts = spec.trim().split(":");
            if (parts.length < 3 || parts.length > 4) {
                why.append("'")
                        .append(spec)
                        .append("' is neither groupId:artifactId:version[:classifier] nor ")
                        .append(LATEST_RELEASE);
                return Optional.empty();
            }
            wanted =
                    new DefaultArtifact(parts[0], parts[1], parts.length == 4 ? parts[3] : classifier, "jar", parts[2]);
        }
        try {
            Artifact resolved = system.resolveArtifact(session, new ArtifactRequest(wanted, repositories, null))
                    .getArtifact();
            return Optional.of(
                    new Baseline(coordinates(resolved), resolved.getFile().toPath()));
        } catch (ArtifactResolutionException e) {
            why.append(coordinates(wanted)).append(" cannot be resolved: ").append(e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<String> latestRelease(MavenProject project, String classifier, StringBuilder why) {
        Artifact range = new DefaultArtifact(project.getGroupId(), project.getArtifactId(), classifier, "jar", "[0,)");
        try {
            VersionRangeResult result =
                    system.resolveVersionRange(session, new VersionRangeRequest(range, repositories, null));
            Optional<String> latest = result.getVersions().stream()
                    .map(Version::toString)
                    .filter(v -> !v.endsWith("-SNAPSHOT") && !v.equals(project.getVersion()))
                    .reduce((a, b) -> b);
            if (latest.isEmpty()) {
                why.append("no released version of ")
                        .append(project.getGroupId())
                        .append(':')
                        .append(project.getArtifactId())
                        .append(" other than ")
                        .append(project.getVersion())
                        .append(" is in the local or remote repositories");
            }
            return latest;
        } catch (VersionRangeResolutionException e) {
            why.append("the versions of ")
                    .append(project.getGroupId())
                    .append(':')
                    .append(project.getArtifactId())
                    .append(" cannot be listed: ")
                    .append(e.getMessage());
            return Optional.empty();
        }
    }

    private static String coordinates(Artifact a) {
        return a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion()
                + (a.getClassifier().isEmpty() ? "" : ":" + a.getClassifier());
    }
}

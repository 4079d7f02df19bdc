package dev.lenet.data;

import java.util.List;

/** What names a dataset's content: its classes and the SHA-256 of each of its four (uncompressed) IDX files. */
public record DatasetIdentity(
        List<String> classes,
        String trainImagesSha256,
        String trainLabelsSha256,
        String testImagesSha256,
        String testLabelsSha256) {
    public DatasetIdentity {
        classes = List.copyOf(classes);
    }
}

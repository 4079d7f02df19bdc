package dev.lenet.data;

import java.util.List;
import java.util.Locale;

/** The four files of an MNIST-format dataset, and the names they are found by. */
public enum DatasetFile {
    TRAIN_IMAGES("train-images-idx3-ubyte", "train-images.idx3-ubyte"),
    TRAIN_LABELS("train-labels-idx1-ubyte", "train-labels.idx1-ubyte"),
    TEST_IMAGES("t10k-images-idx3-ubyte", "t10k-images.idx3-ubyte"),
    TEST_LABELS("t10k-labels-idx1-ubyte", "t10k-labels.idx1-ubyte");

    private final String standardName;
    private final String dottedName;

    DatasetFile(String standardName, String dottedName) {
        this.standardName = standardName;
        this.dottedName = dottedName;
    }

    /** The name MNIST publishes it under, without {@code .gz}. */
    public String standardName() {
        return standardName;
    }

    public boolean isImages() {
        return this == TRAIN_IMAGES || this == TEST_IMAGES;
    }

    /** Whether a file or entry's base name (any directory part removed) is one of this file's names. */
    public boolean matches(String baseName) {
        String name = baseName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        return name.equals(standardName) || name.equals(dottedName);
    }

    /** The names it is looked up by, for error messages. */
    public String acceptedNames() {
        return standardName + "[.gz] or " + dottedName + "[.gz]";
    }

    public static List<DatasetFile> all() {
        return List.of(values());
    }

    /** The file a base name stands for, or {@code null}. */
    public static DatasetFile forName(String baseName) {
        for (DatasetFile file : values()) {
            if (file.matches(baseName)) {
                return file;
            }
        }
        return null;
    }
}

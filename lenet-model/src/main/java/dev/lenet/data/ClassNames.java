package dev.lenet.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

/**
 * The names of a dataset's classes in {@value #FILE} beside its IDX files, one per line: label {@code i} is the class
 * on line {@code i+1}. Without the file, an IDX dataset has the ten digit classes.
 */
public final class ClassNames {
    public static final String FILE = "classes.txt";

    private ClassNames() {}

    public static List<String> read(Path file) {
        List<String> names;
        try {
            names = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw InvalidDatasetException.unreadable(file, e);
        }
        return validated(names, file.toString());
    }

    public static void write(Path file, List<String> classes) throws IOException {
        Files.writeString(file, String.join("\n", classes) + "\n", StandardCharsets.UTF_8);
    }

    /** The names if they can name a dataset's classes: 2 to {@link Dataset#MAX_CLASSES}, distinct, each on one line. */
    static List<String> validated(List<String> names, String input) {
        if (names.size() < 2) {
            throw new InvalidDatasetException(
                    input,
                    names.isEmpty() ? "names no class" : "names one class only (" + names.get(0) + ")",
                    "A classifier needs at least 2 classes; add the images of the others");
        }
        if (names.size() > Dataset.MAX_CLASSES) {
            throw new InvalidDatasetException(
                    input,
                    "names " + names.size() + " classes",
                    "LeNet here takes at most " + Dataset.MAX_CLASSES + " classes");
        }
        HashSet<String> seen = new HashSet<>();
        for (String name : names) {
            if (name.isBlank() || name.contains("\n") || name.contains("\r")) {
                throw new InvalidDatasetException(
                        input, "has a class name that is blank or spans lines", "Name each class on one line");
            }
            if (!seen.add(name)) {
                throw new InvalidDatasetException(input, "names the class " + name + " twice", "Name each class once");
            }
        }
        return List.copyOf(names);
    }
}

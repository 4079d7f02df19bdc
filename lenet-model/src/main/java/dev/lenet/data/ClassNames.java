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

    /**
     * The names, stripped of surrounding white space as {@link #read} strips them, if they can name a dataset's classes:
     * 2 to {@link Dataset#MAX_CLASSES}, distinct, none blank, none with a control character (an escape sequence in a
     * folder's name would reach the build's console).
     */
    static List<String> validated(List<String> given, String input) {
        List<String> names = given.stream().map(String::strip).toList();
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
            if (name.isEmpty()) {
                throw new InvalidDatasetException(input, "has a blank class name", "Name each class");
            }
            if (name.codePoints().anyMatch(Character::isISOControl)) {
                throw new InvalidDatasetException(
                        input,
                        "has a class name with a control character: " + escaped(name),
                        "Rename that class (its folder, or its label) without control characters (escape sequences,"
                                + " tabs, line breaks)");
            }
            if (!seen.add(name)) {
                throw new InvalidDatasetException(input, "names the class " + name + " twice", "Name each class once");
            }
        }
        return List.copyOf(names);
    }

    /** The name with each control character as {@code \\u001B}, so a message shows it rather than runs it. */
    static String escaped(String name) {
        StringBuilder text = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                text.append(String.format("\\u%04X", c));
            } else {
                text.appendCodePoint(c);
            }
        });
        return text.toString();
    }
}

package dev.lenet.data;

import dev.lenet.contract.Causes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The layout Keras' {@code image_dataset_from_directory} and torchvision's {@code ImageFolder} read: one folder per
 * class, named after it. Either {@code train/<class>/} and {@code test/<class>/} with the same classes, or the class
 * folders alone, split per class by {@link DatasetOptions#testFraction()} (seeded). Classes are in sorted order unless
 * {@link DatasetOptions#classes()} fixes it. Hidden files (names starting with '.') are left out and counted.
 */
public final class ClassFolders {
    static final String LAYOUT = "Give a directory holding train/<class>/ and test/<class>/ folders of images, or one"
            + " folder of images per class (split by testFraction)";

    /** One image file and the index of its class. */
    public record Sample(Path file, int label) {}

    /** What the folders hold. */
    public record Layout(List<String> classes, List<Sample> train, List<Sample> test, int hidden, boolean split) {
        /** The training samples, then the test samples. */
        public List<Sample> samples() {
            List<Sample> all = new ArrayList<>(train);
            all.addAll(test);
            return all;
        }
    }

    private ClassFolders() {}

    /** True when {@code directory} holds sub-directories and no files but hidden ones: a class-folder layout. */
    static boolean looksLikeClassFolders(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            List<Path> visible = entries.filter(p -> !hidden(p)).toList();
            return !visible.isEmpty() && visible.stream().allMatch(Files::isDirectory);
        } catch (IOException e) {
            return false;
        }
    }

    public static Layout scan(Path root, DatasetOptions options) {
        Path train = root.resolve("train");
        Path test = root.resolve("test");
        int[] hidden = {0};
        if (Files.isDirectory(train) && Files.isDirectory(test)) {
            Map<String, List<Path>> trainFolders = classFolders(train, hidden);
            Map<String, List<Path>> testFolders = classFolders(test, hidden);
            if (!trainFolders.keySet().equals(testFolders.keySet())) {
                throw new InvalidDatasetException(
                        root.toString(),
                        "has other classes in train/ " + trainFolders.keySet() + " than in test/ "
                                + testFolders.keySet(),
                        "Give train/ and test/ a folder for each class, with the same names");
            }
            List<String> classes = order(trainFolders.keySet().stream().toList(), options, root);
            return new Layout(classes, samples(trainFolders, classes), samples(testFolders, classes), hidden[0], false);
        }
        Map<String, List<Path>> folders = classFolders(root, hidden);
        List<String> classes = order(folders.keySet().stream().toList(), options, root);
        List<Sample> all = samples(folders, classes);
        boolean[] held = StratifiedSplit.testItems(
                all.stream().mapToInt(Sample::label).toArray(), classes.size(), options.testFraction(), options.seed());
        List<Sample> trainSamples = new ArrayList<>();
        List<Sample> testSamples = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (held[i] ? testSamples : trainSamples).add(all.get(i));
        }
        return new Layout(classes, trainSamples, testSamples, hidden[0], true);
    }

    /** The class folders of {@code directory} and their image files, sorted by name. */
    private static Map<String, List<Path>> classFolders(Path directory, int[] hidden) {
        Map<String, List<Path>> folders = new TreeMap<>();
        for (Path entry : list(directory)) {
            if (hidden(entry)) {
                hidden[0]++;
            } else if (!Files.isDirectory(entry)) {
                throw new InvalidDatasetException(
                        entry.toString(), "is a file among the class folders", LAYOUT + "; move it into its class");
            } else {
                List<Path> files = new ArrayList<>();
                for (Path file : list(entry)) {
                    if (hidden(file)) {
                        hidden[0]++;
                    } else if (Files.isDirectory(file)) {
                        throw new InvalidDatasetException(
                                file.toString(),
                                "is a folder inside the class folder " + entry.getFileName(),
                                "A class folder holds image files only; move its images up or out");
                    } else {
                        files.add(file);
                    }
                }
                if (files.isEmpty()) {
                    throw new InvalidDatasetException(
                            entry.toString(),
                            "is an empty class folder",
                            "Add images of class " + entry.getFileName() + ", or remove the folder");
                }
                folders.put(entry.getFileName().toString(), files);
            }
        }
        if (folders.size() < 2) {
            throw new InvalidDatasetException(
                    directory.toString(),
                    folders.isEmpty()
                            ? "holds no class folder"
                            : "holds one class folder only ("
                                    + folders.keySet().iterator().next() + ")",
                    "A classifier needs at least 2 classes: add a folder of images for each");
        }
        ClassNames.validated(List.copyOf(folders.keySet()), directory.toString());
        return folders;
    }

    /** The classes in label order: as {@code classes} fixes it (which must name exactly these folders), else sorted. */
    private static List<String> order(List<String> found, DatasetOptions options, Path root) {
        if (options.classes().isEmpty()) {
            return found;
        }
        if (!new TreeSet<>(options.classes()).equals(new TreeSet<>(found))) {
            throw new InvalidDatasetException(
                    root.toString(),
                    "has the class folders " + found + ", but classes names " + options.classes(),
                    "Make classes name each class folder once (it fixes their order), or leave it out");
        }
        return ClassNames.validated(options.classes(), "classes");
    }

    private static List<Sample> samples(Map<String, List<Path>> folders, List<String> classes) {
        List<Sample> samples = new ArrayList<>();
        for (int label = 0; label < classes.size(); label++) {
            for (Path file : folders.get(classes.get(label))) {
                samples.add(new Sample(file, label));
            }
        }
        return samples;
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new InvalidDatasetException(
                    directory.toString(),
                    "cannot be listed (" + Causes.describe(e) + ")",
                    "Check that the directory is readable",
                    e);
        }
    }

    private static boolean hidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }
}

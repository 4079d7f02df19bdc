package dev.lenet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassFoldersTest {
    @TempDir
    Path temp;

    private static final DatasetOptions DEFAULTS = DatasetOptions.defaults(42);

    private Path files(String... paths) throws IOException {
        Path root = temp.resolve("data");
        for (String path : paths) {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, path);
        }
        return root;
    }

    @Test
    void trainAndTestFoldersGiveSortedClassesAndTheirImages() throws IOException {
        Path root = files(
                "train/b/1.png", "train/a/1.png", "train/a/2.png", "test/a/3.png", "test/b/4.png", "train/.DS_Store");
        ClassFolders.Layout layout = ClassFolders.scan(root, DEFAULTS);
        assertEquals(List.of("a", "b"), layout.classes());
        assertEquals(3, layout.train().size());
        assertEquals(2, layout.test().size());
        assertEquals(1, layout.hidden());
        assertEquals(false, layout.split());
        assertEquals(root.resolve("train/b/1.png"), layout.train().get(2).file());
        assertEquals(1, layout.train().get(2).label());
    }

    @Test
    void classesFixesTheOrder() throws IOException {
        Path root = files("train/b/1.png", "train/a/1.png", "test/a/3.png", "test/b/4.png");
        ClassFolders.Layout layout = ClassFolders.scan(root, new DatasetOptions(List.of("b", "a"), 0.2, false, 42));
        assertEquals(List.of("b", "a"), layout.classes());
        assertEquals(0, layout.train().get(0).label());
        assertEquals(root.resolve("train/b/1.png"), layout.train().get(0).file());
    }

    @Test
    void classFoldersAloneAreSplitPerClassBySeed() throws IOException {
        String[] paths = new String[30];
        for (int i = 0; i < 20; i++) {
            paths[i] = "cats/" + i + ".png";
        }
        for (int i = 0; i < 10; i++) {
            paths[20 + i] = "dogs/" + i + ".png";
        }
        Path root = files(paths);
        ClassFolders.Layout layout = ClassFolders.scan(root, new DatasetOptions(List.of(), 0.2, false, 7));
        assertEquals(true, layout.split());
        assertEquals(4, layout.test().stream().filter(s -> s.label() == 0).count());
        assertEquals(2, layout.test().stream().filter(s -> s.label() == 1).count());
        assertEquals(24, layout.train().size());
        assertEquals(
                layout.test(),
                ClassFolders.scan(root, new DatasetOptions(List.of(), 0.2, false, 7))
                        .test());
        assertEquals(
                false,
                layout.test()
                        .equals(ClassFolders.scan(root, new DatasetOptions(List.of(), 0.2, false, 8))
                                .test()));
    }

    @Test
    void anEmptyClassFolderIsNamed() throws IOException {
        Path root = files("train/a/1.png", "test/a/2.png", "test/b/3.png");
        Files.createDirectories(root.resolve("train/b"));
        InvalidDatasetException e =
                assertThrows(InvalidDatasetException.class, () -> ClassFolders.scan(root, DEFAULTS));
        assertEquals(
                root.resolve("train/b") + ": is an empty class folder. Add images of class b, or remove the folder",
                e.getMessage());
    }

    @Test
    void trainAndTestWithOtherClassesAreRefused() throws IOException {
        Path root = files("train/a/1.png", "train/b/1.png", "test/a/2.png", "test/c/3.png");
        InvalidDatasetException e =
                assertThrows(InvalidDatasetException.class, () -> ClassFolders.scan(root, DEFAULTS));
        assertEquals(
                root + ": has other classes in train/ [a, b] than in test/ [a, c]. Give train/ and test/ a folder"
                        + " for each class, with the same names",
                e.getMessage());
    }

    @Test
    void oneClassOnlyIsRefused() throws IOException {
        Path root = files("digits/1.png", "digits/2.png");
        InvalidDatasetException e =
                assertThrows(InvalidDatasetException.class, () -> ClassFolders.scan(root, DEFAULTS));
        assertEquals(
                root + ": holds one class folder only (digits). A classifier needs at least 2 classes: add a"
                        + " folder of images for each",
                e.getMessage());
    }

    @Test
    void aFileAmongTheClassFoldersOrAFolderInsideOneIsRefused() throws IOException {
        Path stray = files("a/1.png", "b/1.png", "readme.txt");
        InvalidDatasetException e =
                assertThrows(InvalidDatasetException.class, () -> ClassFolders.scan(stray, DEFAULTS));
        assertEquals(
                stray.resolve("readme.txt") + ": is a file among the class folders. " + ClassFolders.LAYOUT
                        + "; move it into its class",
                e.getMessage());
        Files.delete(stray.resolve("readme.txt"));
        Files.createDirectories(stray.resolve("a/more"));
        e = assertThrows(InvalidDatasetException.class, () -> ClassFolders.scan(stray, DEFAULTS));
        assertEquals(
                stray.resolve("a/more") + ": is a folder inside the class folder a. A class folder holds image"
                        + " files only; move its images up or out",
                e.getMessage());
    }

    @Test
    void classesThatDoNotNameTheFoldersAreRefused() throws IOException {
        Path root = files("a/1.png", "b/1.png");
        InvalidDatasetException e = assertThrows(
                InvalidDatasetException.class,
                () -> ClassFolders.scan(root, new DatasetOptions(List.of("a", "c"), 0.2, false, 1)));
        assertEquals(
                root + ": has the class folders [a, b], but classes names [a, c]. Make classes name each class"
                        + " folder once (it fixes their order), or leave it out",
                e.getMessage());
    }
}

package dev.lenet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassNamesTest {
    @TempDir
    Path temp;

    @Test
    void namesThatDifferOnlyByTrailingSpaceAreOneNameTwiceAtOnceNotOnTheNextBuild() {
        InvalidDatasetException e = assertThrows(
                InvalidDatasetException.class, () -> ClassNames.validated(List.of("cat", "cat ", "dog"), "shapes"));
        assertEquals("shapes: names the class cat twice. Name each class once", e.getMessage());
    }

    @Test
    void whatIsWrittenIsReadBackTheSame() throws IOException {
        List<String> classes = ClassNames.validated(List.of(" seven", "eight "), "digits");
        Path file = temp.resolve(ClassNames.FILE);
        ClassNames.write(file, classes);
        assertEquals(List.of("seven", "eight"), ClassNames.read(file));
    }

    @Test
    void aControlCharacterIsRefusedAndShownEscaped() {
        InvalidDatasetException e = assertThrows(
                InvalidDatasetException.class,
                () -> ClassNames.validated(List.of("plain", "\u001b[31mred\u001b[0m"), "folders"));
        assertEquals(
                "folders: has a class name with a control character: \\u001B[31mred\\u001B[0m. Rename that class (its"
                        + " folder, or its label) without control characters (escape sequences, tabs, line breaks)",
                e.getMessage());
    }
}

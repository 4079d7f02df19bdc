package dev.lenet.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {
    @Test
    void readsEveryKindOfValue() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", List.of(1.0, -2.5, 3.0e-4, 0.0));
        expected.put("b", "x\"y\\z/\n\t\u00e9\u20ac");
        expected.put("c", Arrays.asList(true, false, null));
        expected.put("d", Map.of());
        expected.put("e", List.of());
        assertEquals(
                expected,
                Json.parse(" {\"a\": [1, -2.5, 3.0e-4, 0], \"b\": \"x\\\"y\\\\z\\/\\n\\t\u00e9\\u20ac\","
                        + " \"c\": [true, false, null], \"d\": {}, \"e\": [ ]}\n"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\": 1,}|not JSON at character 8: a member name was expected",
                "[1 2]|not JSON at character 3: ']' was expected",
                "\"abc|not JSON at character 4: a string that does not end",
                "01|not JSON at character 0: a value was expected",
                "{} x|not JSON at character 3: text after the value",
                "tru|not JSON at character 0: an unknown word",
                "\"\\q\"|not JSON at character 3: the escape \\q",
                "\"\\u12\"|not JSON at character 3: a \\u escape without four hex digits",
                "''|not JSON at character 0: end of text where a value was expected"
            })
    void namesWhereTheTextStopsBeingJson(String text, String message) {
        assertEquals(
                message,
                assertThrows(IllegalArgumentException.class, () -> Json.parse(text))
                        .getMessage());
    }

    @Test
    void refusesDeepNestingInsteadOfOverflowingTheStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertEquals(
                "not JSON at character 65: more than 64 levels of nesting",
                assertThrows(IllegalArgumentException.class, () -> Json.parse(deep))
                        .getMessage());
    }
}

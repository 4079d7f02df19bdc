package dev.lenet.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lenet.InvalidParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmArgumentsTest {

    @Test
    void quotedArgumentsStayTogether() {
        assertEquals(
                List.of("-Xmx2g", "-Dlabel=two words", "-Dpath=/opt/my dir/x"),
                JvmArguments.split("-Xmx2g \"-Dlabel=two words\" '-Dpath=/opt/my dir/x'"));
        assertEquals(List.of("-Xmx1g"), JvmArguments.split("  -Xmx1g  "));
        assertEquals(List.of(), JvmArguments.split(" "));
    }

    @Test
    void anUnclosedQuoteIsAParameterError() {
        InvalidParameterException e =
                assertThrows(InvalidParameterException.class, () -> JvmArguments.split("-Dlabel=\"open"));
        assertEquals("jvmArgs", e.parameter());
    }
}

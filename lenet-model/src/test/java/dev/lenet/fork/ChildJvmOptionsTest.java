package dev.lenet.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChildJvmOptionsTest {
    @Test
    void theChildGetsTheBuildsUserHome() {
        assertEquals(
                List.of("-Xmx1g", "-Duser.home=/builds/home"), ChildJvm.jvmOptions(List.of("-Xmx1g"), "/builds/home"));
    }

    @Test
    void aUserHomeInJvmArgsWins() {
        assertEquals(
                List.of("-Duser.home=/mine", "-Xmx1g"),
                ChildJvm.jvmOptions(List.of("-Duser.home=/mine", "-Xmx1g"), "/builds/home"));
    }
}

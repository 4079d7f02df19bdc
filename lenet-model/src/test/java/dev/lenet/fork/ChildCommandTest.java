package dev.lenet.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lenet.training.Device;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildCommandTest {
    @Test
    void theChildGetsTheBuildsUserHome() {
        assertEquals(
                List.of("-Xmx1g", "-Duser.home=/builds/home", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0"),
                ChildCommand.jvmOptions(List.of("-Xmx1g"), "/builds/home"));
    }

    @Test
    void aUserHomeOrAJavaCppCapInJvmArgsWins() {
        assertEquals(
                List.of("-Duser.home=/mine", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=3g", "-Xmx1g"),
                ChildCommand.jvmOptions(
                        List.of("-Duser.home=/mine", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=3g", "-Xmx1g"),
                        "/builds/home"));
    }

    @Test
    void keepsOneTensorFlowNative() {
        Path api = Path.of("tensorflow-core-api-1.1.0.jar");
        Path cpu = Path.of("tensorflow-core-native-1.1.0-linux-x86_64.jar");
        Path gpu = Path.of("tensorflow-core-native-1.1.0-linux-x86_64-gpu.jar");
        assertEquals(List.of(api, gpu), ChildCommand.selectNative(List.of(api, cpu, gpu), Device.AUTO));
        assertEquals(List.of(api, cpu), ChildCommand.selectNative(List.of(api, cpu, gpu), Device.CPU));
        assertEquals(List.of(api, cpu), ChildCommand.selectNative(List.of(api, cpu), Device.GPU));
    }

    @Test
    void theCpuBuildIsNamedSoThatNoCudaLibraryIsProbed() {
        Path cpu = Path.of("tensorflow-core-native-1.1.0-linux-x86_64.jar");
        Path gpu = Path.of("tensorflow-core-native-1.1.0-linux-x86_64-gpu.jar");
        assertEquals(
                List.of("-Dorg.bytedeco.javacpp.platform.extension="),
                ChildCommand.nativeOptions(List.of(cpu), List.of("-Xmx1g")));
        assertEquals(List.of(), ChildCommand.nativeOptions(List.of(gpu), List.of()));
        assertEquals(
                List.of(),
                ChildCommand.nativeOptions(List.of(cpu), List.of("-Dorg.bytedeco.javacpp.platform.extension=-x")));
    }
}

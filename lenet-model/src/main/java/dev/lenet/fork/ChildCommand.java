package dev.lenet.fork;

import dev.lenet.inference.NativePlatform;
import dev.lenet.training.Device;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The child JVM's command line: the java launcher, its options, one TensorFlow native on the classpath. */
final class ChildCommand {
    private ChildCommand() {}

    /**
     * @param classpath the settings' classpath with one TensorFlow native ({@link #selectNative})
     * @param sharing the class-data-sharing archive to use or write; null for none
     */
    static List<String> of(ChildJvm.Settings settings, List<Path> classpath, ClassDataSharing sharing) {
        List<String> command = new ArrayList<>();
        command.add(settings.java().toString());
        command.addAll(jvmOptions(settings.jvmArguments(), System.getProperty("user.home")));
        command.addAll(nativeOptions(classpath, settings.jvmArguments()));
        if (sharing != null) {
            command.addAll(sharing.options());
        }
        command.add("-cp");
        command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(ChildJvmMain.class.getName());
        return command;
    }

    /** JavaCPP's cap on the whole process's resident memory; by default four times the heap. */
    static final String MAX_PHYSICAL_BYTES = "-Dorg.bytedeco.javacpp.maxPhysicalBytes=";

    /**
     * The user's JVM options, then, unless they set them: Maven's {@code user.home} (a JVM takes its home from the
     * account, not from {@code HOME} or Maven's {@code -Duser.home}, and the child's caches, JavaCPP's unpacked native
     * library above all, belong where the build's are); and no JavaCPP cap on resident memory. That cap is four times
     * the heap, and TensorFlow's memory, which the runtime allocates and frees itself, lies outside the heap: with a
     * small heap (one that leaves a large training set on disk) the cap, not the machine, would end the build.
     */
    static List<String> jvmOptions(List<String> userOptions, String userHome) {
        List<String> options = new ArrayList<>(userOptions);
        if (userOptions.stream().noneMatch(option -> option.startsWith("-Duser.home="))) {
            options.add("-Duser.home=" + userHome);
        }
        if (userOptions.stream().noneMatch(option -> option.startsWith(MAX_PHYSICAL_BYTES))) {
            options.add(MAX_PHYSICAL_BYTES + "0");
        }
        return options;
    }

    /** JavaCPP's native variant to load: empty for the plain build. */
    static final String PLATFORM_EXTENSION = "-Dorg.bytedeco.javacpp.platform.extension=";

    /**
     * Unless the user chose, tells JavaCPP that the classpath holds TensorFlow's CPU build: left to itself it tries the
     * GPU build's name first, and probes some twenty CUDA libraries before it loads the CPU build (0.13 s of every
     * child's start).
     */
    static List<String> nativeOptions(List<Path> classpath, List<String> userOptions) {
        if (classpath.stream().anyMatch(ChildCommand::isGpuNative)
                || userOptions.stream().anyMatch(option -> option.startsWith(PLATFORM_EXTENSION))) {
            return List.of();
        }
        return List.of(PLATFORM_EXTENSION);
    }

    /**
     * Keeps one TensorFlow native on a classpath: the GPU build unless the CPU was asked for or there is none,
     * since the two cannot load side by side.
     */
    static List<Path> selectNative(List<Path> classpath, Device device) {
        boolean hasGpuNative = classpath.stream().anyMatch(ChildCommand::isGpuNative);
        boolean keepGpu = hasGpuNative && device != Device.CPU;
        return classpath.stream()
                .filter(p -> !(isCpuNative(p) && keepGpu) && !(isGpuNative(p) && !keepGpu))
                .toList();
    }

    private static boolean isGpuNative(Path p) {
        return isNative(p, NativePlatform.GPU_CLASSIFIER);
    }

    private static boolean isCpuNative(Path p) {
        return Arrays.stream(NativePlatform.values()).anyMatch(platform -> isNative(p, platform.classifier()));
    }

    private static boolean isNative(Path p, String classifier) {
        String name = p.getFileName().toString();
        return name.startsWith("tensorflow-core-native-") && name.endsWith("-" + classifier + ".jar");
    }
}

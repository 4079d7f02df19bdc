package dev.lenet.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's resident memory (Java heap and native), where the OS tells it. */
public final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {}

    /** Resident set size in bytes, or -1 where {@code /proc} is not there. */
    public static long residentBytes() {
        return status("VmRSS:");
    }

    /** The most this process has been resident so far (its high-water mark), in bytes, or -1 where unknown. */
    public static long peakResidentBytes() {
        return status("VmHWM:");
    }

    private static long status(String field) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}

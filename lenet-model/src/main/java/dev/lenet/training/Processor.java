package dev.lenet.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The instruction sets of the processor training runs on that decide its precision, as Linux lists them in
 * {@code /proc/cpuinfo}. Elsewhere (macOS, Windows) nothing is known, and nothing is assumed.
 *
 * @param flags the processor's feature flags, lower case; empty when unknown
 * @param source where they were read, for the log
 */
record Processor(Set<String> flags, String source) {
    /** The flags whose instructions run oneDNN's bfloat16 convolutions natively, in the order the log names them. */
    static final List<String> BFLOAT16_FLAGS = List.of("amx_bf16", "avx512_bf16");

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    static Processor current() {
        return Current.PROCESSOR;
    }

    private static final class Current {
        static final Processor PROCESSOR = read();
    }

    private static Processor read() {
        if (!Files.isReadable(CPUINFO)) {
            return new Processor(Set.of(), "no " + CPUINFO + " on " + System.getProperty("os.name"));
        }
        try {
            return of(Files.readString(CPUINFO), CPUINFO.toString());
        } catch (IOException e) {
            return new Processor(Set.of(), CPUINFO + " unreadable: " + e.getMessage());
        }
    }

    /** The flags of the first processor listed in {@code cpuinfo}. */
    static Processor of(String cpuinfo, String source) {
        return cpuinfo.lines()
                .filter(line -> line.startsWith("flags") && line.contains(":"))
                .findFirst()
                .map(line -> new Processor(
                        Set.of(line.substring(line.indexOf(':') + 1)
                                .strip()
                                .toLowerCase(Locale.ROOT)
                                .split("\\s+")),
                        source))
                .orElse(new Processor(Set.of(), source + " lists no flags"));
    }

    /** The bfloat16 instruction sets this processor has, upper case as the vendors name them; empty if none. */
    List<String> bfloat16Instructions() {
        return BFLOAT16_FLAGS.stream()
                .filter(flags::contains)
                .map(flag -> flag.toUpperCase(Locale.ROOT))
                .collect(Collectors.toList());
    }
}

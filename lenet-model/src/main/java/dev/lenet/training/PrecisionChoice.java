package dev.lenet.training;

import dev.lenet.InvalidParameterException;

/**
 * The precision training runs in, and why. {@code auto} is bfloat16 on a CPU with bfloat16 instructions (AVX512_BF16
 * or AMX: there the default recipe trained in about a sixth less time and held its five-seed accuracy line,
 * docs/performance.md), float32 elsewhere, and float32 on a GPU, where bfloat16 was not measured.
 *
 * @param precision float32 or bfloat16, never auto
 * @param reason why: the request, or what the processor has
 */
public record PrecisionChoice(Precision precision, String reason) {
    public PrecisionChoice {
        if (precision == Precision.AUTO) {
            throw new IllegalArgumentException("a choice is float32 or bfloat16, not auto");
        }
    }

    /** One line for the log: the precision, and why. */
    public String describe() {
        return precision == Precision.BFLOAT16
                ? "Precision: bfloat16 convolutions, float32 weights and loss (" + reason + ")"
                : "Precision: float32 (" + reason + ")";
    }

    static PrecisionChoice choose(Precision requested, boolean gpu, Processor processor) {
        String instructions = String.join(" and ", processor.bfloat16Instructions());
        if (requested == Precision.FLOAT32) {
            return new PrecisionChoice(Precision.FLOAT32, "precision float32 was requested");
        }
        if (requested == Precision.BFLOAT16) {
            if (!gpu && instructions.isEmpty()) {
                // oneDNN held to AVX2 ended the JVM with a fatal error in its first bfloat16 convolution
                throw new InvalidParameterException(
                        "precision",
                        "bfloat16",
                        "this processor has no bfloat16 instructions (AVX512_BF16, AMX; " + processor.source()
                                + "), which TensorFlow's bfloat16 convolutions on the CPU need; use float32, or"
                                + " auto, which is float32 here");
            }
            return new PrecisionChoice(Precision.BFLOAT16, "precision bfloat16 was requested");
        }
        if (gpu) {
            return new PrecisionChoice(
                    Precision.FLOAT32,
                    "precision auto on a GPU: bfloat16 was not measured on one; precision bfloat16 tries it");
        }
        if (instructions.isEmpty()) {
            return new PrecisionChoice(
                    Precision.FLOAT32,
                    "precision auto: this processor has no bfloat16 instructions (AVX512_BF16, AMX; "
                            + processor.source()
                            + ")");
        }
        return new PrecisionChoice(Precision.BFLOAT16, "precision auto: the processor has " + instructions);
    }

    /** What {@code auto} is on this machine's CPU: the fingerprint's value for it. */
    static Precision onThisCpu(Precision requested) {
        return requested == Precision.AUTO
                ? choose(requested, false, Processor.current()).precision()
                : requested;
    }
}

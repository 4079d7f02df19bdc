package dev.lenet.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lenet.InvalidParameterException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrecisionChoiceTest {
    private static final Processor SAPPHIRE_RAPIDS =
            Processor.of("processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f avx512_bf16 amx_bf16 amx_tile\n", "test");
    private static final Processor ZEN4 = Processor.of("flags : fpu avx2 avx512f avx512_bf16\n", "test");
    private static final Processor ZEN3 = Processor.of("flags : fpu sse2 avx2 fma\n", "zen3 cpuinfo");
    private static final Processor UNKNOWN = new Processor(Set.of(), "no /proc/cpuinfo on Mac OS X");

    @Test
    void readsTheFirstProcessorsFlags() {
        assertEquals(List.of("AMX_BF16", "AVX512_BF16"), SAPPHIRE_RAPIDS.bfloat16Instructions());
        assertEquals(List.of("AVX512_BF16"), ZEN4.bfloat16Instructions());
        assertEquals(List.of(), ZEN3.bfloat16Instructions());
        assertEquals(
                "test lists no flags", Processor.of("processor : 0\n", "test").source());
    }

    @Test
    void autoIsBfloat16OnlyOnACpuWithBfloat16Instructions() {
        assertEquals(
                "Precision: bfloat16 convolutions, float32 weights and loss (precision auto: the processor has"
                        + " AMX_BF16 and AVX512_BF16)",
                PrecisionChoice.choose(Precision.AUTO, false, SAPPHIRE_RAPIDS).describe());
        assertEquals(
                Precision.BFLOAT16,
                PrecisionChoice.choose(Precision.AUTO, false, ZEN4).precision());
        assertEquals(
                "Precision: float32 (precision auto: this processor has no bfloat16 instructions (AVX512_BF16, AMX;"
                        + " zen3 cpuinfo))",
                PrecisionChoice.choose(Precision.AUTO, false, ZEN3).describe());
        assertEquals(
                Precision.FLOAT32,
                PrecisionChoice.choose(Precision.AUTO, false, UNKNOWN).precision());
        assertEquals(
                "Precision: float32 (precision auto on a GPU: bfloat16 was not measured on one; precision bfloat16"
                        + " tries it)",
                PrecisionChoice.choose(Precision.AUTO, true, SAPPHIRE_RAPIDS).describe());
    }

    @Test
    void aRequestIsKeptWhereTheProcessorCanAndBfloat16RefusedWhereItCannot() {
        assertEquals(
                Precision.FLOAT32,
                PrecisionChoice.choose(Precision.FLOAT32, false, SAPPHIRE_RAPIDS)
                        .precision());
        assertEquals(
                Precision.FLOAT32,
                PrecisionChoice.choose(Precision.FLOAT32, false, ZEN3).precision());
        assertEquals(
                "Precision: bfloat16 convolutions, float32 weights and loss (precision bfloat16 was requested)",
                PrecisionChoice.choose(Precision.BFLOAT16, false, ZEN4).describe());
        InvalidParameterException e = assertThrows(
                InvalidParameterException.class, () -> PrecisionChoice.choose(Precision.BFLOAT16, false, ZEN3));
        assertEquals(
                "Invalid precision 'bfloat16': this processor has no bfloat16 instructions (AVX512_BF16, AMX; zen3"
                        + " cpuinfo), which TensorFlow's bfloat16 convolutions on the CPU need; use float32, or auto,"
                        + " which is float32 here",
                e.getMessage());
        assertEquals("precision", e.parameter());
        assertEquals(
                Precision.BFLOAT16,
                PrecisionChoice.choose(Precision.BFLOAT16, true, ZEN3).precision(),
                "a GPU's own bfloat16 kernels are not the processor's");
        assertThrows(IllegalArgumentException.class, () -> new PrecisionChoice(Precision.AUTO, "never"));
    }
}

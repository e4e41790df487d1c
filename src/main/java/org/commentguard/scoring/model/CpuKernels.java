package org.commentguard.scoring.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Names the x86-64 instruction set whose int8 matrix kernels onnxruntime (MLAS) dispatches to on this machine, so
 * readiness and the benchmarks can say what a score was computed with.
 *
 * <p>The order mirrors MLAS's own dispatch: AMX, then AVX-512 VNNI, then AVX-VNNI, then AVX-512 (BW/DQ/VL), then
 * AVX2 with FMA, then SSE4.1. The shipped int8 models use u8 x u8 matrix products, which every one of these
 * kernels accumulates exactly in int32, so the instruction set changes speed, not scores (see the transformer
 * model card, "Same score on every CPU").
 */
public final class CpuKernels {

    private static final String NAME = detect(Path.of("/proc/cpuinfo"));

    private CpuKernels() {}

    /** The instruction set MLAS uses for int8 matrix products here, e.g. {@code avx512-vnni} or {@code avx2}. */
    public static String instructionSet() {
        return NAME;
    }

    static String detect(Path cpuinfo) {
        try {
            return Files.readAllLines(cpuinfo).stream()
                    .filter(line -> line.startsWith("flags"))
                    .findFirst()
                    .map(line -> fromFlags(Arrays.stream(
                                    line.substring(line.indexOf(':') + 1).trim().split("\\s+"))
                            .collect(Collectors.toSet())))
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    /** The MLAS int8 kernel family for a set of {@code /proc/cpuinfo} flags. */
    static String fromFlags(Set<String> flags) {
        boolean avx512 = flags.containsAll(Set.of("avx512f", "avx512bw", "avx512dq", "avx512vl"));
        if (flags.contains("amx_int8") && flags.contains("amx_tile")) {
            return "amx";
        }
        if (avx512 && flags.contains("avx512_vnni")) {
            return "avx512-vnni";
        }
        if (flags.contains("avx_vnni") && flags.contains("avx2")) {
            return "avx-vnni";
        }
        if (avx512) {
            return "avx512";
        }
        if (flags.contains("avx2") && flags.contains("fma")) {
            return "avx2";
        }
        if (flags.contains("sse4_1")) {
            return "sse4.1";
        }
        return "sse2";
    }
}

package org.commentguard.scoring.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CpuKernelsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "sse2 sse4_1 avx avx2 fma avx512f avx512bw avx512dq avx512vl avx512_vnni amx_tile amx_int8 | amx",
                "sse2 sse4_1 avx avx2 fma avx512f avx512bw avx512dq avx512vl avx512_vnni                   | avx512-vnni",
                "sse2 sse4_1 avx avx2 fma avx_vnni                                                         | avx-vnni",
                "sse2 sse4_1 avx avx2 fma avx512f avx512bw avx512dq avx512vl                               | avx512",
                "sse2 sse4_1 avx avx2 fma                                                                  | avx2",
                // VNNI without the AVX-512 BW/DQ/VL group, or AVX2 without FMA, is not what MLAS's kernels need.
                "sse2 sse4_1 avx avx2 fma avx512f avx512_vnni                                              | avx2",
                "sse2 sse4_1 avx avx2                                                                      | sse4.1",
                "sse2                                                                                      | sse2"
            })
    void namesTheKernelFamilyMlasDispatchesToForTheCpuFlags(String flags, String expected) {
        assertThat(CpuKernels.fromFlags(Set.of(flags.trim().split("\\s+")))).isEqualTo(expected);
    }
}

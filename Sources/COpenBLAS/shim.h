// OpenBLAS's CBLAS interface plus the two facts jnb needs at start-up: which kernel set the
// library picked, and which vector extensions the CPU really has. Debian's DYNAMIC_ARCH
// build does not recognise recent Xeons and falls back to Prescott kernels.
#ifndef JNB_COPENBLAS_SHIM_H
#define JNB_COPENBLAS_SHIM_H

#include <cblas.h>

static inline int jnb_cpu_has_avx512(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")
        && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq");
}

static inline int jnb_cpu_has_avx2(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

#endif

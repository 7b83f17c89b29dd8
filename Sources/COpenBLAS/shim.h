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

// Two kernels of jnb's own, each with an AVX-512 version (picked at run time) and a plain one.
//
// Sparse rows times a dense matrix, the one product OpenBLAS lacks:
//   C[r, 0..<n] = Σ_k val[k] · B[idx[k], 0..<n],  k in start[r]..<start[r+1].
// Jet images are ~5 % non-zero, so the first layer's forward product (rows = images,
// B = weights) and its weight gradient (rows = pixels, B = output gradients) cost ~20× fewer
// operations this way. Columns go in blocks of 64 held in four 16-float registers (twice,
// for even and odd entries, so the FMAs do not wait on each other); the last
// block overlaps the previous one so every load is a full vector (overlapping columns get the
// same sums, computed in the same order). Needs n >= 64; jnb_sparse_rows_generic handles any n.
typedef float jnb_v16f __attribute__((vector_size(64), aligned(4)));

__attribute__((target("avx512f")))
static inline void jnb_sparse_rows_avx512(int rows, int n, const int *start, const int *idx,
                                          const float *val, const float *b, int ldb, float *c, int ldc) {
    for (int r = 0; r < rows; r++) {
        float *cr = c + (long)r * ldc;
        for (int col = 0; col < n; col += 64) {
            int c0 = col + 64 <= n ? col : n - 64;
            // Even and odd entries go to separate accumulators: eight independent FMA chains.
            jnb_v16f a0 = {0}, a1 = {0}, a2 = {0}, a3 = {0}, e0 = {0}, e1 = {0}, e2 = {0}, e3 = {0};
            int k = start[r], end = start[r + 1];
            for (; k + 1 < end; k += 2) {
                const jnb_v16f *p = (const jnb_v16f *)(b + (long)idx[k] * ldb + c0);
                const jnb_v16f *q = (const jnb_v16f *)(b + (long)idx[k + 1] * ldb + c0);
                float v = val[k], u = val[k + 1];
                a0 += v * p[0]; a1 += v * p[1]; a2 += v * p[2]; a3 += v * p[3];
                e0 += u * q[0]; e1 += u * q[1]; e2 += u * q[2]; e3 += u * q[3];
            }
            if (k < end) {
                const jnb_v16f *p = (const jnb_v16f *)(b + (long)idx[k] * ldb + c0);
                float v = val[k];
                a0 += v * p[0]; a1 += v * p[1]; a2 += v * p[2]; a3 += v * p[3];
            }
            a0 += e0; a1 += e1; a2 += e2; a3 += e3;
            jnb_v16f *q = (jnb_v16f *)(cr + c0);
            q[0] = a0; q[1] = a1; q[2] = a2; q[3] = a3;
        }
    }
}

static inline void jnb_sparse_rows_generic(int rows, int n, const int *start, const int *idx,
                                           const float *val, const float *b, int ldb, float *c, int ldc) {
    for (int r = 0; r < rows; r++) {
        float *cr = c + (long)r * ldc;
        for (int j = 0; j < n; j++) cr[j] = 0.0f;
        for (int k = start[r]; k < start[r + 1]; k++) {
            const float *br = b + (long)idx[k] * ldb;
            float v = val[k];
            for (int j = 0; j < n; j++) cr[j] += v * br[j];
        }
    }
}

// One Adam step with decoupled weight decay over n parameters, in one pass (fastai's Adam:
// ε outside the square root). The gradient is g0 + g1 (g1 may be NULL: the parts of a batch
// split across threads are summed here instead of in a pass of their own).
//   m = β₁m + (1−β₁)g;  v = β₂v + (1−β₂)g²;  p = p·decay − size·m / (√(v·correction) + ε)
// The per-element square root and division make this pass compute-bound at SSE width, so it
// gets its own AVX-512 version like the sparse product.
__attribute__((target("avx512f")))
static inline void jnb_adam_avx512(long n, float *p, float *m, float *v, const float *g0, const float *g1,
                                   float b1, float b2, float decay, float size, float correction, float eps) {
    long i = 0;
    for (; i + 16 <= n; i += 16) {
        jnb_v16f g = *(const jnb_v16f *)(g0 + i);
        if (g1) g += *(const jnb_v16f *)(g1 + i);
        jnb_v16f mi = b1 * *(jnb_v16f *)(m + i) + (1 - b1) * g;
        jnb_v16f vi = b2 * *(jnb_v16f *)(v + i) + (1 - b2) * g * g;
        *(jnb_v16f *)(m + i) = mi;
        *(jnb_v16f *)(v + i) = vi;
        *(jnb_v16f *)(p + i) = *(jnb_v16f *)(p + i) * decay - size * mi / (__builtin_elementwise_sqrt(vi * correction) + eps);
    }
    for (; i < n; i++) {
        float g = g0[i] + (g1 ? g1[i] : 0.0f);
        m[i] = b1 * m[i] + (1 - b1) * g;
        v[i] = b2 * v[i] + (1 - b2) * g * g;
        p[i] = p[i] * decay - size * m[i] / (__builtin_sqrtf(v[i] * correction) + eps);
    }
}

static inline void jnb_adam_generic(long n, float *p, float *m, float *v, const float *g0, const float *g1,
                                    float b1, float b2, float decay, float size, float correction, float eps) {
    for (long i = 0; i < n; i++) {
        float g = g0[i] + (g1 ? g1[i] : 0.0f);
        m[i] = b1 * m[i] + (1 - b1) * g;
        v[i] = b2 * v[i] + (1 - b2) * g * g;
        p[i] = p[i] * decay - size * m[i] / (__builtin_sqrtf(v[i] * correction) + eps);
    }
}

#endif

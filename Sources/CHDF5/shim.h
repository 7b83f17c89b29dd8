// What Swift cannot import from hdf5.h: the H5T_NATIVE_*, H5P_* and H5F_ACC_* macros expand
// to function calls or casts, so each gets a static inline function. HDF5 also prints its
// error stack to stderr by default; jnb turns failures into Swift errors instead.
#ifndef JNB_CHDF5_SHIM_H
#define JNB_CHDF5_SHIM_H

#include <hdf5.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

static inline hid_t jnb_h5t_native_float(void) { return H5T_NATIVE_FLOAT; }
static inline hid_t jnb_h5t_native_double(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t jnb_h5t_native_int32(void) { return H5T_NATIVE_INT32; }
static inline hid_t jnb_h5t_native_int64(void) { return H5T_NATIVE_INT64; }
static inline hid_t jnb_h5t_native_uint8(void) { return H5T_NATIVE_UINT8; }
static inline hid_t jnb_h5t_c_s1(void) { return H5T_C_S1; }
static inline hid_t jnb_h5t_ieee_f32le(void) { return H5T_IEEE_F32LE; }
static inline hid_t jnb_h5t_ieee_f64le(void) { return H5T_IEEE_F64LE; }
static inline hid_t jnb_h5t_std_i64le(void) { return H5T_STD_I64LE; }

static inline hid_t jnb_h5p_default(void) { return H5P_DEFAULT; }
static inline hid_t jnb_h5p_dataset_create(void) { return H5P_DATASET_CREATE; }
static inline hid_t jnb_h5p_dataset_access(void) { return H5P_DATASET_ACCESS; }
static inline hid_t jnb_h5p_file_access(void) { return H5P_FILE_ACCESS; }
static inline hid_t jnb_h5p_link_create(void) { return H5P_LINK_CREATE; }
static inline hid_t jnb_h5p_file_create(void) { return H5P_FILE_CREATE; }
static inline hid_t jnb_h5p_group_create(void) { return H5P_GROUP_CREATE; }
static inline hid_t jnb_h5s_all(void) { return H5S_ALL; }
static inline hsize_t jnb_h5s_unlimited(void) { return H5S_UNLIMITED; }

static inline unsigned jnb_h5f_acc_rdonly(void) { return H5F_ACC_RDONLY; }
static inline unsigned jnb_h5f_acc_rdwr(void) { return H5F_ACC_RDWR; }
static inline unsigned jnb_h5f_acc_trunc(void) { return H5F_ACC_TRUNC; }
static inline unsigned jnb_h5f_acc_excl(void) { return H5F_ACC_EXCL; }

/// Stops HDF5 from printing its error stack; errors are reported through return codes.
static inline herr_t jnb_h5_silence_errors(void) {
    return H5Eset_auto2(H5E_DEFAULT, NULL, NULL);
}

static herr_t jnb_h5_error_walker(unsigned n, const H5E_error2_t *err, void *data) {
    // Keep the innermost message (n == 0): it names what actually went wrong.
    if (n == 0 && err != NULL && err->desc != NULL) {
        char *out = (char *)data;
        strncpy(out, err->desc, 255);
        out[255] = '\0';
    }
    return 0;
}

/// Finds the operating system's reason that HDF5's file drivers quote in their messages
/// ("…, errno = 28, error message = 'No space left on device', …") and copies it into `data`
/// (128 bytes).
static herr_t jnb_h5_system_error_walker(unsigned n, const H5E_error2_t *err, void *data) {
    static const char key[] = "error message = '";
    (void)n;
    const char *start = (err != NULL && err->desc != NULL) ? strstr(err->desc, key) : NULL;
    if (start != NULL) {
        start += sizeof(key) - 1;
        const char *end = strchr(start, '\'');
        size_t length = end != NULL ? (size_t)(end - start) : strlen(start);
        if (length > 127) length = 127;
        memcpy((char *)data, start, length);
        ((char *)data)[length] = '\0';
    }
    return 0;
}

/// Copies the outermost message of the current error stack into `out` (256 bytes), followed
/// by the operating system's reason when a file driver gave one, and clears the stack.
static inline void jnb_h5_take_error(char out[256]) {
    char system[128] = "";
    out[0] = '\0';
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, jnb_h5_error_walker, out);
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, jnb_h5_system_error_walker, system);
    if (system[0] != '\0') {
        size_t used = strlen(out);
        snprintf(out + used, 256 - used, "%s%s", used > 0 ? ": " : "", system);
    }
    H5Eclear2(H5E_DEFAULT);
}

/// Inflates one zlib stream (a deflate-filtered HDF5 chunk) of `source_length` bytes into
/// `destination` (capacity `*destination_length`, updated to the bytes written). Returns
/// zlib's status (Z_OK = 0). Called from several threads at once: zlib is reentrant.
static inline int jnb_inflate(const void *source, size_t source_length, void *destination, size_t *destination_length) {
    uLongf out = (uLongf)*destination_length;
    int status = uncompress((Bytef *)destination, &out, (const Bytef *)source, (uLong)source_length);
    *destination_length = (size_t)out;
    return status;
}

#endif

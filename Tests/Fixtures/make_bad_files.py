"""Writes the malformed inputs of BadInputTests into the folder given as the argument.

Each file differs from the public jet-image schema (image (N, 25, 25) float32, signal and the
ten jet variables (N) float32) in one way; h5py writes them, so jnb reads files it did not
write itself.
"""
import os
import sys

import h5py
import numpy as np

VARIABLES = ["jet_pt", "jet_eta", "jet_phi", "jet_mass", "jet_delta_R",
             "tau_1", "tau_2", "tau_3", "tau_21", "tau_32"]


def jets(path, n=6, image_shape=None, image_dtype="f4", skip=(), lengths=None, poison=None, extra=None,
         variable_poison=None):
    rng = np.random.default_rng(1)
    shape = image_shape or (n, 25, 25)
    images = rng.exponential(1.0, size=shape).astype(image_dtype)
    if poison is not None:
        images.reshape(-1)[poison[0]] = poison[1]
    with h5py.File(path, "w") as f:
        if "image" not in skip:
            f["image"] = images
        for name in ["signal"] + VARIABLES:
            if name not in skip:
                count = (lengths or {}).get(name, n)
                values = rng.uniform(0, 1, size=count).astype("f4")
                if name == "signal":
                    values = (values >= 0.5).astype("f4")  # labels are 0 (QCD) or 1 (W)
                if variable_poison is not None and variable_poison[0] == name:
                    values[variable_poison[1]] = variable_poison[2]
                f[name] = values
        for name, value in (extra or {}).items():
            f[name] = value


def main(folder):
    os.chdir(folder)
    jets("good.h5")
    jets("tracks.h5", skip=["image", "signal"] + VARIABLES, extra={"tracks": np.zeros((6, 4), "f4")})
    jets("no_tau32.h5", skip=["tau_32"])
    jets("images32.h5", image_shape=(6, 32, 32))
    jets("flat.h5", image_shape=(6, 625))
    jets("float64.h5", image_dtype="f8")
    jets("int16.h5", image_dtype="i2")
    jets("nan.h5", poison=(2 * 625 + 3 * 25 + 4, np.nan))
    jets("inf.h5", poison=(4 * 625, np.inf))
    jets("short_mass.h5", lengths={"jet_mass": 5})
    jets("nan_mass.h5", variable_poison=("jet_mass", 2, np.nan))
    jets("label_half.h5", variable_poison=("signal", 3, 0.5))
    with open("good.h5", "rb") as f:
        whole = f.read()
    with open("truncated.h5", "wb") as f:
        f.write(whole[: len(whole) // 2])
    # The jets of good.h5, the images compressed with h5py's LZF, which libhdf5 alone cannot decode.
    with h5py.File("good.h5", "r") as source, h5py.File("lzf.h5", "w") as f:
        for name, values in source.items():
            if name == "image":
                f.create_dataset(name, data=values[()], chunks=(3, 25, 25), compression="lzf")
            else:
                f.create_dataset(name, data=values[()])
    open("empty.h5", "wb").close()
    with open("text.h5", "w") as f:
        f.write("image,signal\n1,0\n")
    os.mkdir("folder.h5")
    # A jnb model file whose network maps 100 values, not the 625 pixels of a jet image.
    with h5py.File("model100.h5", "w") as f:
        f.attrs["format"] = "jnb-model"
        f.attrs["format_version"] = 1
        f.attrs["layers"] = np.array([100, 20, 100], "i8")
        f.attrs["activation"] = "relu"
        for layer, (n, m) in enumerate([(100, 20), (20, 100)]):
            f[f"layers/{layer}/weight"] = np.zeros((m, n), "f4")
            f[f"layers/{layer}/bias"] = np.zeros(m, "f4")
    # A Keras-style weights file: HDF5, but neither jets nor a jnb model.
    with h5py.File("keras.h5", "w") as f:
        f["model_weights/dense/kernel"] = np.zeros((625, 10), "f4")


if __name__ == "__main__":
    main(sys.argv[1])

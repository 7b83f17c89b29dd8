#!/usr/bin/python3
"""Writes the seed files of the HDF5 fuzz target into the folder given as argument: small jet
files cut from the test fixture (contiguous, chunked with gzip, chunked like the public file,
with shuffle) and a small model file with training attributes and history, all in the
layouts jnb reads. Small files keep the fuzzer's mutations meaningful."""
import sys
from pathlib import Path

import h5py
import numpy as np

FIXTURE = Path(__file__).resolve().parent.parent / "Tests/Fixtures/pythia_wqcd_4k.h5"
VARIABLES = ["jet_pt", "jet_eta", "jet_phi", "jet_mass", "jet_delta_R",
             "tau_1", "tau_2", "tau_3", "tau_21", "tau_32"]


def jet_file(path, rows, **image_options):
    with h5py.File(FIXTURE, "r") as src, h5py.File(path, "w") as out:
        out.create_dataset("image", data=src["image"][rows], **image_options)
        out.create_dataset("signal", data=src["signal"][rows])
        for name in VARIABLES:
            out.create_dataset(name, data=src[name][rows])


def model_file(path, layers):
    rng = np.random.default_rng(1)
    with h5py.File(path, "w") as out:
        out.attrs["format"] = np.bytes_(b"jnb-model")
        out.attrs["format_version"] = np.int64(1)
        out.attrs["layers"] = np.array(layers, dtype=np.int64)
        out.attrs["activation"] = np.bytes_(b"leakyrelu")
        for l in range(len(layers) - 1):
            out[f"layers/{l}/weight"] = rng.normal(size=(layers[l + 1], layers[l])).astype(np.float32)
            out[f"layers/{l}/bias"] = rng.normal(size=layers[l + 1]).astype(np.float32)
        for name, value in [("training_epochs", 2), ("training_batch_size", 4), ("training_seed", 7),
                            ("training_threads", 1), ("history_steps", 6), ("history_planned_steps", 6),
                            ("history_stopped_early", 0), ("history_interrupted", 0), ("history_best_epoch", 1)]:
            out.attrs[name] = np.int64(value)
        for name, value in [("training_max_learning_rate", 1e-3), ("training_weight_decay", 1e-6),
                            ("training_sparse_input_below", 0.0), ("history_last_learning_rate", 4e-5)]:
            out.attrs[name] = np.float64(value)
        out.attrs["training_schedule"] = np.bytes_(b"onecycle")
        out.attrs["training_parallelism"] = np.bytes_(b"split")
        for name in ["train_loss", "valid_loss", "epoch_seconds"]:
            out[f"history/{name}"] = np.array([0.5, 0.25], dtype=np.float64)


def main():
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    jet_file(folder / "jets3-contiguous.h5", slice(0, 3))
    jet_file(folder / "jets12-gzip.h5", slice(100, 112), chunks=(4, 25, 25), compression="gzip", compression_opts=4)
    jet_file(folder / "jets20-public-chunks.h5", slice(2000, 2020), chunks=(20, 4, 4), compression="gzip", compression_opts=4)
    jet_file(folder / "jets5-shuffle.h5", slice(7, 12), chunks=(2, 25, 25), shuffle=True, compression="gzip")
    model_file(folder / "model-4-2-4.h5", [4, 2, 4])


if __name__ == "__main__":
    main()

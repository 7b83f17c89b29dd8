"""Writes a large jet file quickly: N jets in the public schema, gzip chunks of 500 jets.

Every chunk is the first 500 jets of the Pythia fixture, compressed once and written with
HDF5's direct chunk write, so making a 200,000-jet file (500 MB of images to inflate when
read) costs little more than copying 80 MB. Usage: make_big_jet_file.py FIXTURE OUT N
"""
import sys
import zlib

import h5py
import numpy as np

VARIABLES = ["signal", "jet_pt", "jet_eta", "jet_phi", "jet_mass", "jet_delta_R",
             "tau_1", "tau_2", "tau_3", "tau_21", "tau_32"]
CHUNK = 500


def main(fixture, out, n):
    n = (n // CHUNK) * CHUNK
    with h5py.File(fixture, "r") as f:
        images = np.ascontiguousarray(f["image"][:CHUNK], dtype="<f4")
        variables = {name: f[name][:CHUNK].astype("f4") for name in VARIABLES}
    compressed = zlib.compress(images.tobytes(), 4)
    with h5py.File(out, "w") as f:
        image = f.create_dataset("image", shape=(n, 25, 25), dtype="<f4",
                                 chunks=(CHUNK, 25, 25), compression="gzip", compression_opts=4)
        for start in range(0, n, CHUNK):
            image.id.write_direct_chunk((start, 0, 0), compressed, 0)
        for name, values in variables.items():
            f[name] = np.tile(values, n // CHUNK)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))

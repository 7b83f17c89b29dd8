"""Makes the benchmark's training images: n realistic sparse jet images resampled from the real
Pythia jets of an HDF5 file in the public schema. Each image is a randomly drawn real jet whose
non-zero pixels are each scaled by a log-normal factor (σ = 0.2) and the whole image by a
factor uniform in 0.9…1.1, so the images keep the real jets' sparsity pattern and pT scale.
Writes raw little-endian float32, n × 625, row-major."""
import sys

import h5py
import numpy as np


def main(source, destination, n, seed=1):
    with h5py.File(source, "r") as f:
        jets = f["image"][:].reshape(-1, 625).astype(np.float32)
    rng = np.random.default_rng(seed)
    picked = jets[rng.integers(0, len(jets), size=n)]
    noise = rng.lognormal(0.0, 0.2, size=picked.shape).astype(np.float32)
    scale = rng.uniform(0.9, 1.1, size=(n, 1)).astype(np.float32)
    images = (picked * noise * scale).astype("<f4")
    images.tofile(destination)
    nonzero = (images != 0).mean()
    print(f"{n} images from {len(jets)} jets, {nonzero * 100:.2f} % non-zero pixels, "
          f"mean pixel sum {images.sum(1).mean():.1f} GeV", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))

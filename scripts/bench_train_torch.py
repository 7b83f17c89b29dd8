"""Trains one autoencoder for one epoch with PyTorch on the CPU with the recipe jnb uses (fastai's
fit_one_cycle as in the thesis: AdamW with betas (0.95, 0.99), eps 1e-5, weight decay 1e-6 on
weights only, one-cycle lr max 1e-3 from max/25 to max/1e5 with pct_start 0.25 and momentum
0.95-0.85-0.95, MSE loss, batch 256, shuffled) and prints one JSON line with its speed.
Usage: bench_train_torch.py IMAGES.f32 LAYERS THREADS  (LAYERS like 625-300-100-300-625)"""
import json
import resource
import sys
import time

import numpy as np
import torch
from torch import nn


def main(path, layers, threads):
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    sizes = [int(s) for s in layers.split("-")]
    x = torch.from_numpy(np.fromfile(path, dtype="<f4").reshape(-1, sizes[0]))
    modules = []
    for i in range(len(sizes) - 1):
        modules.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            modules.append(nn.LeakyReLU())
    model = nn.Sequential(*modules)
    decayed = [p for n, p in model.named_parameters() if n.endswith("weight")]
    biases = [p for n, p in model.named_parameters() if n.endswith("bias")]
    optimiser = torch.optim.AdamW([{"params": decayed, "weight_decay": 1e-6},
                                   {"params": biases, "weight_decay": 0.0}],
                                  lr=1e-3, betas=(0.95, 0.99), eps=1e-5)
    batch = 256
    steps = (len(x) + batch - 1) // batch
    # fastai ends at max/1e5; torch's final lr is (max/div_factor)/final_div_factor.
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=1e-3, total_steps=steps, pct_start=0.25,
                                                   anneal_strategy="cos", div_factor=25, final_div_factor=1e5 / 25,
                                                   base_momentum=0.85, max_momentum=0.95)
    loss_function = nn.MSELoss()
    start = time.perf_counter()
    order = torch.randperm(len(x))
    total = 0.0
    for b in range(steps):
        xb = x[order[b * batch:(b + 1) * batch]]
        loss = loss_function(model(xb), xb)
        optimiser.zero_grad(set_to_none=True)
        loss.backward()
        optimiser.step()
        schedule.step()
        total += loss.item() * len(xb)
    seconds = time.perf_counter() - start
    print(json.dumps({"framework": "torch", "version": torch.__version__, "layers": layers, "threads": threads,
                      "samples": len(x), "seconds": seconds, "samples_per_second": len(x) / seconds,
                      "train_loss": total / len(x),
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))

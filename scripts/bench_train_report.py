"""Summarises scripts/bench-train's JSON lines (one or more result files): medians per setup and thread count, jnb/PyTorch
ratios, the fraction of the sgemm floor, and peak RSS against the budget (data + 1.5 × model
and optimiser state + 100 MB). Prints a Markdown table."""
import json
import statistics
import sys
from collections import defaultdict


def main(paths):
    rows = [json.loads(line.replace(": nan", ": NaN"))
            for path in paths for line in open(path) if line.startswith("{")]
    # jnb's default way of using several threads, as the newest runs state it.
    default = next((r["default_parallelism"] for r in reversed(rows) if "default_parallelism" in r), "blas")
    runs = defaultdict(list)
    for r in rows:
        if r["framework"] == "jnb":
            usual = r["threads"] == 1 or r["parallelism"] == default
            variant = ("jnb" if usual else f"jnb-{r['parallelism']}") + ("" if r["sparse_below"] > 0 else "-dense")
        else:
            variant = r["framework"]
        runs[(r["layers"], r["threads"], variant)].append(r)
    keys = sorted({(layers, threads) for layers, threads, _ in runs}, key=lambda k: (-len(k[0]), k[0], k[1]))

    def med(layers, threads, variant, field="samples_per_second"):
        values = [r[field] for r in runs.get((layers, threads, variant), [])]
        return (statistics.median(values), len(values)) if values else (None, 0)

    print("| setup | threads | jnb samples/s | s/epoch | PyTorch samples/s | jnb/PyTorch | sgemm floor samples/s "
          "| jnb/floor | jnb, batch split | jnb, dense first layer | peak RSS MB (budget) | runs |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for layers, threads in keys:
        jnb, n = med(layers, threads, "jnb")
        seconds, _ = med(layers, threads, "jnb", "seconds")
        torch, nt = med(layers, threads, "torch")
        floor, _ = med(layers, threads, "sgemm")
        split, _ = med(layers, threads, "jnb-split")
        dense, _ = med(layers, threads, "jnb-dense")
        rss, _ = med(layers, threads, "jnb", "peak_rss_mb")
        sample = runs[(layers, threads, "jnb")][0] if n else None
        budget = sample["data_mb"] + 1.5 * sample["model_and_optimiser_mb"] + 100 if sample else None

        def f(x, fmt="{:,.0f}"):
            return fmt.format(x) if x is not None else "–"
        ratio = jnb / torch if jnb and torch else None
        share = jnb / floor if jnb and floor else None
        print(f"| {layers} | {threads} | {f(jnb)} | {f(seconds, '{:.2f}')} | {f(torch)} | {f(ratio, '{:.2f}×')} "
              f"| {f(floor)} | {f(share, '{:.0%}')} | {f(split)} | {f(dense)} | {f(rss)} ({f(budget)}) | {n}+{nt} |")


if __name__ == "__main__":
    main(sys.argv[1:])

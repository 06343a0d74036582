"""Learn the keep model's weights from features.csv and say how well it predicts, honestly.

Logistic regression with an L2 penalty (numpy only), label 1 = the blind rater kept the question
unchanged. The estimate of how it does on a new article is leave-one-article-out: each article's
questions are scored by a model trained without that article (set A's articles, rated in two
rounds, are left out together). It prints AUC and, for each threshold, the share of questions
that pass and the keep rate among them; with --write it stores the weights trained on all rows.

    python docs/quality/v2/keep-model/train.py docs/quality/v2/keep-model/features.csv [--write]

(--write stores the weights in quiz/generate/keep_weights.json; --out PATH elsewhere.)
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import numpy as np

from quiz.generate.keep_features import NAMES

PENALTY = 1.0
WEIGHTS = Path(__file__).resolve().parents[4] / "quiz" / "generate" / "keep_weights.json"


def fit(x: np.ndarray, y: np.ndarray, penalty: float = PENALTY) -> np.ndarray:
    """Newton's method on the penalised log-likelihood (the bias is not penalised)."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    reg = np.eye(xb.shape[1]) * penalty
    reg[0, 0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + reg @ w
        hess = xb.T @ (xb * (p * (1 - p))[:, None]) + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(w[0] + x @ w[1:])))


def auc(y: np.ndarray, p: np.ndarray) -> float:
    pos, neg = p[y == 1], p[y == 0]
    return float(
        ((pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum())
        / (len(pos) * len(neg))
    )


def main(path: Path, out: Path | None) -> None:
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    x = np.array([[float(r[n]) for n in NAMES] for r in rows])
    y = np.array([1.0 if r["label"] == "keep" else 0.0 for r in rows])
    groups = np.array([r["article"] for r in rows])
    held = np.zeros(len(rows))
    for g in sorted(set(groups)):
        test = groups == g
        held[test] = predict(fit(x[~test], y[~test]), x[test])
    print(
        f"{len(rows)} questions, {int(y.sum())} kept ({y.mean():.0%}); "
        f"leave-one-article-out AUC {auc(y, held):.2f}"
    )
    print("threshold  pass  keep-rate-of-passing")
    for t in (0.0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
        sel = held >= t
        if sel.any():
            print(
                f"  {t:.2f}    {sel.mean():5.0%}   {y[sel].mean():5.0%} "
                f"({int(y[sel].sum())}/{int(sel.sum())})"
            )
    w = fit(x, y)
    for name, weight in sorted(zip(NAMES, w[1:], strict=True), key=lambda t: -abs(t[1])):
        print(f"  {weight:+.2f} {name}")
    if out is not None:
        out.write_text(
            json.dumps(
                {
                    "bias": round(float(w[0]), 4),
                    "weights": {n: round(float(v), 4) for n, v in zip(NAMES, w[1:], strict=True)},
                    "trained_on": path.name,
                    "rows": len(rows),
                },
                indent=1,
            )
            + "\n"
        )
        print(f"weights -> {out}")


if __name__ == "__main__":
    args = sys.argv[1:]
    target = Path(args[args.index("--out") + 1]) if "--out" in args else None
    main(Path(args[0]), WEIGHTS if "--write" in args else target)

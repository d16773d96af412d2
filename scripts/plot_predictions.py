"""Predicted versus observed AUC ratios for kratom interactions: a table and a log-log plot.

Usage: python scripts/plot_predictions.py [--out docs]   (needs the docs extra: matplotlib)

Reads the packaged graph, runs kg.prediction.predict_all for every object drug with an observed clinical AUC ratio,
writes docs/predictions.png (log scale, identity line, 2-fold bands) and rewrites the table between
the markers in docs/predictions.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import kg
from kg.prediction import PredictionReport, fold_flag, predict_all

OBJECTS = ("midazolam", "dextromethorphan")
START, END = "<!-- predictions-table:start -->", "<!-- predictions-table:end -->"


def _fmt(x: float) -> str:
    return f"{x:.3g}"


def table(reports: list[PredictionReport]) -> str:
    rows = ["| object | prediction | inputs (claims) | predicted AUCR | observed AUCR (90% CI) | predicted / observed "
            "| flag |", "|---|---|---|---|---|---|---|"]
    for rep in reports:
        for c in rep.comparisons:
            o = c.observed
            ci = f" ({_fmt(o.ci_low)}-{_fmt(o.ci_high)})" if o.ci_low is not None and o.ci_high is not None else ""
            obs = f"{_fmt(o.value)}{ci} [{o.claim}]"
            if c.prediction.startswith("published"):
                claim = c.prediction.split("(", 1)[1].rstrip(")")
                rows.append(f"| {rep.object} | published | {claim} | {_fmt(c.predicted_low)} | {obs} "
                            f"| {_fmt(c.ratio_low)} | {c.flag} |")
                continue
            for p in rep.predictions:
                if p.value is None or f"{p.model} via {p.target}" != c.prediction:
                    continue
                ratio = p.value / o.value
                rows.append(f"| {rep.object} | {c.prediction} | {', '.join(p.claims)} | {_fmt(p.value)} | {obs} "
                            f"| {_fmt(ratio)} | {fold_flag(ratio, ratio)} |")
        for p in rep.predictions:
            if p.value is None:
                rows.append(f"| {rep.object} | {p.model} via {p.target} | - | {p.verdict} | - | - | - |")
    return "\n".join(rows)


def plot(reports: list[PredictionReport], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 6), dpi=100)
    lo, hi = 0.5, 200.0
    ax.plot([lo, hi], [lo, hi], color="black", lw=1, label="identity")
    ax.plot([lo, hi], [2 * lo, 2 * hi], color="grey", lw=0.8, ls="--", label="2-fold")
    ax.plot([lo, hi], [lo / 2, hi / 2], color="grey", lw=0.8, ls="--")
    markers = {"midazolam": "o", "dextromethorphan": "s"}
    for rep in reports:
        for c in rep.comparisons:
            values = sorted({p.value for p in rep.predictions if p.value is not None
                             and f"{p.model} via {p.target}" == c.prediction}) or [c.predicted_low]
            colour = "tab:red" if c.prediction.startswith("published") else "tab:blue"
            for v in values:
                ax.scatter([c.observed.value], [v], marker=markers.get(rep.object, "^"), color=colour,
                           edgecolor="black", zorder=3)
            ax.annotate(f"{rep.object}: {c.prediction.split(' (')[0]}", (c.observed.value, values[-1]),
                        textcoords="offset points", xytext=(6, 4), fontsize=7)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_xlabel("observed AUC ratio (clinical study)")
    ax.set_ylabel("predicted AUC ratio (static model)")
    ax.set_title("Kratom (mitragynine, 2 g K51 tea): predicted vs observed")
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "docs")
    args = ap.parse_args()
    engine = kg.load().engine
    reports = [predict_all(engine, o) for o in OBJECTS]
    args.out.mkdir(parents=True, exist_ok=True)
    plot(reports, args.out / "predictions.png")
    md = args.out / "predictions.md"
    text = md.read_text(encoding="utf-8") if md.exists() else f"{START}\n{END}\n"
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    md.write_text(f"{head}{START}\n{table(reports)}\n{END}{tail}", encoding="utf-8")
    print(f"wrote {args.out / 'predictions.png'} and the table in {md}")


if __name__ == "__main__":
    main()

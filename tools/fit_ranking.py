"""Fit the plan-section ranking weights (desktop/core/ranking.py WEIGHTS) on labelled reports.

    python tools/fit_ranking.py [--corpus ../shared/corpus] [--show] [--fit]

Labelled reports: each corpus's gold (documents whose gold heading is null are skipped: they test
the spread-plan answer, not the ranking), the five seeds and the synthetic shapes in
tests/core/shapes.py. The fit is a conditional logit (softmax over each report's candidates, the
gold heading's log-probability maximised) with an L2 pull towards the current table (or towards
zero, --from-zero), by plain gradient ascent; print the weights, round them, and copy them into
WEIGHTS by hand with a reason for each. The pull keeps the signs and sizes a reader can defend when
a small corpus alone would let one feature memorise a few documents.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.candidates import find_candidates  # noqa: E402
from desktop.core.choice import choose  # noqa: E402
from desktop.core.extract import prepare  # noqa: E402
from desktop.core.ranking import WEIGHTS, DocStats, Ranked, all_features, looks_forward  # noqa: E402
from desktop.core.reports import read_report  # noqa: E402
from tests.core.expected import SEEDS as SEED_GOLD  # noqa: E402
from tests.core.shapes import SHAPES  # noqa: E402


def squeeze(text: str) -> str:
    """A heading compared as the corpus scorer compares it."""
    return re.sub(r"\s+", "", text or "").rstrip("：:。.")


def labelled(corpus: Path) -> list[tuple[str, list[str], str]]:
    """(name, paragraphs, gold heading) for every report of `corpus` with a single plan section."""
    out = []
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (corpus / "gold").glob("*.json")}
    for sub in ("reports", "variants"):
        for path in sorted((corpus / sub).iterdir()):
            gold = golds.get(path.name.split(".", 1)[0])
            if gold and gold["section_heading"]:
                out.append((f"{sub}/{path.name}", list(read_report(path).paragraphs), gold["section_heading"]))
    return out


def built_in() -> list[tuple[str, list[str], str]]:
    """The seeds and the synthetic shapes of tests/core/shapes.py."""
    out = [(f"seeds/{path.name}", list(read_report(path).paragraphs), SEED_GOLD[path.name[:3]]["heading"])
           for path in sorted((ROOT / "seeds").iterdir())]
    out += [(f"shapes/{name}", [line.strip() for line in text.splitlines() if line.strip()], heading)
            for name, (text, heading) in SHAPES.items()]
    return out


def table(docs: list[tuple[str, list[str], str]]):  # type: ignore[no-untyped-def]
    """Each report as (name, feature rows, index of the gold candidate or -1, headings, candidates)."""
    rows = []
    for name, raw, gold in docs:
        paragraphs, headings = prepare(raw)
        cands = find_candidates(paragraphs, headings)
        feats = all_features(DocStats(paragraphs), cands)
        # only what can be the answer competes (the product's confidence is over these too)
        keep = [k for k, f in enumerate(feats) if looks_forward(f)]
        feats, cands = [feats[k] for k in keep], [cands[k] for k in keep]
        texts = [c.text for c in cands]
        gold_k = next((k for k, t in enumerate(texts) if squeeze(t) == squeeze(gold)), -1)
        rows.append((name, feats, gold_k, texts, cands))
    return rows


def score(weights: dict[str, float], f: dict[str, float]) -> float:
    return sum(weights[n] * v for n, v in f.items())


def answer(weights: dict[str, float], feats, cands) -> str | None:  # type: ignore[no-untyped-def]
    """The heading the product would answer with these weights (the ranking, then choice.py's rules)."""
    scores = [score(weights, f) for f in feats]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    z = sum(exps)
    ranked = sorted((Ranked(c, f, s, e / z) for c, f, s, e in zip(cands, feats, scores, exps)),
                    key=lambda r: (-r.score, -r.candidate.heading.index))
    picked = choose([], ranked)
    return None if picked.spread or not picked.sections else picked.sections[0].text


def evaluate(rows, weights) -> tuple[int, float]:  # type: ignore[no-untyped-def]
    """(reports answered with their gold heading, log-likelihood of the gold candidates)."""
    hits, loglik = 0, 0.0
    for _name, feats, gold_k, texts, cands in rows:
        if gold_k < 0:
            continue
        hits += answer(weights, feats, cands) == texts[gold_k]
        scores = [score(weights, f) for f in feats]
        top = max(scores)
        loglik += scores[gold_k] - top - math.log(sum(math.exp(s - top) for s in scores))
    return hits, loglik


def fit(rows, prior: dict[str, float], l2: float, steps: int = 4000, rate: float = 0.05) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Maximise the gold headings' log-probability minus l2 * the squared distance from `prior`."""
    w = dict(prior)
    names = list(w)
    for _ in range(steps):
        grad = {n: -l2 * (w[n] - prior[n]) for n in names}
        for _name, feats, gold_k, _texts, _cands in rows:
            if gold_k < 0:
                continue
            scores = [score(w, f) for f in feats]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            z = sum(exps)
            for n in names:
                expected = sum(e * f[n] for e, f in zip(exps, feats)) / z
                grad[n] += feats[gold_k][n] - expected
        for n in names:
            w[n] += rate * grad[n]
    return w


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, action="append",
                    help="a corpus folder (reports/, variants/, gold/); repeatable (default: tests/corpus)")
    ap.add_argument("--show", action="store_true", help="print each report's top candidates")
    ap.add_argument("--fit", action="store_true", help="fit the weights and print them")
    ap.add_argument("--l2", type=float, default=0.3)
    ap.add_argument("--from-zero", action="store_true",
                    help="pull the weights towards 0 instead of towards the current table (the prior)")
    args = ap.parse_args()
    corpora = args.corpus or [ROOT / "tests" / "corpus"]
    docs = [doc for corpus in corpora for doc in labelled(corpus)] + built_in()
    rows = table(docs)
    hits, ll = evaluate(rows, WEIGHTS)
    print(f"current weights: {hits}/{sum(1 for r in rows if r[2] >= 0)} right, log-likelihood {ll:.2f}")
    missing = [r[0] for r in rows if r[2] < 0]
    if missing:
        print("gold heading not among the candidates:", ", ".join(missing))
    if args.show:
        for name, feats, gold_k, texts, cands in rows:
            ranked = sorted(range(len(feats)), key=lambda k: -score(WEIGHTS, feats[k]))
            flag = "ok" if gold_k >= 0 and answer(WEIGHTS, feats, cands) == texts[gold_k] else "--"
            print(f"[{flag}] {name}  gold={texts[gold_k] if gold_k >= 0 else None}")
            for k in ranked[:4]:
                f = {n: round(v, 2) for n, v in feats[k].items() if v}
                print(f"      {score(WEIGHTS, feats[k]):6.2f} {'*' if k == gold_k else ' '} {texts[k][:30]}  {f}")
    if args.fit:
        w = fit(rows, {n: 0.0 for n in WEIGHTS} if args.from_zero else dict(WEIGHTS), args.l2)
        hits, ll = evaluate(rows, w)
        print(f"fitted (l2={args.l2}): {hits} right, log-likelihood {ll:.2f}")
        for n, v in w.items():
            print(f"    {n:14s} {v:6.2f}   (now {WEIGHTS[n]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

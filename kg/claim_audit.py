"""The claim audit: every claim a source makes, set against the rest of the literature in the graph.

For each claim of the source: the status of its assertion (``queries/source-claims-status.rq``),
and the strongest evidence for and against it among other sources' claims on the same subject,
relation and object (``queries/audit-evidence.rq``). "For" means the same polarity as the audited
claim, "against" the opposite one; a ``partial_agonist_of`` claim counts as a ``agonist_of`` claim,
and claims about a constituent of the subject (a compound it contains) count, marked "via".
Only credible evidence (rank >= 1, or a regulatory statement) is counted; promotional and anecdotal
claims are not evidence. Rendered as a table, JSON or a self-contained HTML report.
"""

from __future__ import annotations

import html
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from kg import terms
from kg.output import cite
from kg.query import run_query
from kg.store import OxigraphStore

EQUIVALENT_RELATIONS: dict[str, frozenset[str]] = {
    "agonist_of": frozenset({"agonist_of", "partial_agonist_of"}),
}


@dataclass
class EvidenceRef:
    claim: str
    relation: str
    polarity: str
    evidence: str
    rank: int
    source: str
    source_type: str
    statement: str = ""
    year: str | None = None
    pmid: str | None = None
    doi: str | None = None
    nct: str | None = None
    url: str | None = None
    via: str | None = None  # the constituent the claim is about, when not the audited subject itself

    def cite(self) -> str:
        return cite(self.source, year=self.year, pmid=self.pmid, doi=self.doi, nct=self.nct)

    def short(self) -> str:
        via = f" [via constituent {self.via}]" if self.via else ""
        return f"{self.evidence} (rank {self.rank}): {self.cite()}{via}"


@dataclass
class AuditRow:
    claim: str
    subject: str
    relation: str
    object: str
    polarity: str
    status: str
    reason: str
    for_count: int
    against_count: int
    best_for: EvidenceRef | None
    best_against: EvidenceRef | None
    verdict: str
    supporting: list[str] = field(default_factory=list)
    opposing: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _credible(ref: EvidenceRef) -> bool:
    return ref.rank >= terms.CREDIBLE_RANK or ref.evidence == "regulatory-statement"


def _strength(ref: EvidenceRef) -> tuple[int, str]:
    # regulatory statements (rank -1) sit apart from the ordinal scale: rank them just above reviews
    return (1 if ref.rank < 0 else ref.rank, ref.claim)


def _best(refs: list[EvidenceRef]) -> EvidenceRef | None:
    if not refs:
        return None
    top = max(_strength(r)[0] for r in refs)
    return sorted((r for r in refs if _strength(r)[0] == top), key=lambda r: r.claim)[0]


def _verdict(polarity: str, status: str, best_for: EvidenceRef | None, best_against: EvidenceRef | None,
             against_regulatory_only: bool = False) -> str:
    said = "denies" if polarity == "negated" else "asserts"
    if best_for and best_against and against_regulatory_only:
        return (f"Disputed by regulators only: research backs what this claim {said} "
                f"(strongest: {best_for.short()}), while {best_against.short()} says otherwise.")
    if best_for and best_against:
        return (f"Contested: the literature both backs and contradicts what this claim {said} "
                f"(strongest for: {best_for.short()}; against: {best_against.short()}).")
    if best_for:
        return f"Supported by independent evidence (strongest: {best_for.short()}); assertion {status}."
    if best_against:
        return f"Contradicted by the literature (strongest: {best_against.short()}); assertion {status}."
    return "Unsupported: no credible evidence either way in the graph beyond this source's say-so."


def audit(engine: OxigraphStore, source_id: str = "seed-article") -> list[AuditRow]:
    """Audit every claim of a source (by record id). Empty when the source has no claims."""
    claims = run_query(engine, "source-claims-status", {"source": source_id}).rows
    evidence = run_query(engine, "audit-evidence", {"source": source_id}).rows
    by_claim: dict[str, list[dict[str, Any]]] = {}
    for r in evidence:
        by_claim.setdefault(str(r["claim"]), []).append(r)
    out: list[AuditRow] = []
    for c in claims:
        cid, rel, pol = str(c["claim"]), str(c["relation"]), str(c["polarity"])
        allowed = EQUIVALENT_RELATIONS.get(rel, frozenset({rel}))
        refs = [EvidenceRef(
            claim=str(r["other_claim"]), relation=str(r["other_relation"]), polarity=str(r["other_polarity"]),
            evidence=str(r["other_evidence"]), rank=int(r["other_rank"]),
            source=str(r["other_source"]), source_type=str(r["other_source_type"]),
            statement=str(r.get("statement") or ""),
            year=None if r.get("year") is None else str(r["year"]),
            pmid=None if r.get("pmid") is None else str(r["pmid"]),
            doi=None if r.get("doi") is None else str(r["doi"]),
            nct=None if r.get("nct") is None else str(r["nct"]),
            url=None if r.get("url") is None else str(r["url"]),
            via=None if r.get("via") is None else str(r["via"]))
            for r in by_claim.get(cid, []) if str(r["other_relation"]) in allowed]
        refs = [r for r in refs if _credible(r)]
        pro = [r for r in refs if r.polarity == pol]
        con = [r for r in refs if r.polarity != pol]
        best_for, best_against = _best(pro), _best(con)
        status = str(c["status"])
        out.append(AuditRow(
            claim=cid, subject=str(c["subject"]), relation=rel, object=str(c["object"]), polarity=pol,
            status=status, reason=str(c["reason"]), for_count=len(pro), against_count=len(con),
            best_for=best_for, best_against=best_against, verdict=_verdict(pol, status, best_for, best_against,
                             bool(con) and all(r.evidence == "regulatory-statement" for r in con)),
            supporting=sorted({r.claim for r in pro}), opposing=sorted({r.claim for r in con})))
    return out


def _claim_text(r: AuditRow) -> str:
    neg = "NOT " if r.polarity == "negated" else ""
    return f"{r.subject} {neg}{r.relation} {r.object}"


def render_table(rows: list[AuditRow], source_id: str) -> str:
    from kg.output import table

    if not rows:
        return f"Source {source_id!r} makes no claims in the graph.\n"
    data = [{"claim": r.claim, "says": _claim_text(r), "status": r.status, "for": r.for_count,
             "against": r.against_count,
             "best_for": r.best_for.short() if r.best_for else "",
             "best_against": r.best_against.short() if r.best_against else "",
             "verdict": r.verdict.split(":", 1)[0]} for r in rows]
    cols = ["claim", "says", "status", "for", "against", "best_for", "best_against", "verdict"]
    return f"Audit of {source_id} ({len(rows)} claims; credible evidence from other sources)\n" + table(cols, data)


def to_json(rows: list[AuditRow], source_id: str) -> str:
    return json.dumps({"source": source_id, "claims": [r.to_dict() for r in rows]}, indent=2,
                      ensure_ascii=False) + "\n"


_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem;color:#222;max-width:75rem}
h1{font-size:1.4rem} table{border-collapse:collapse;width:100%} th,td{border-bottom:1px solid #ddd;
padding:.45rem;vertical-align:top;text-align:left;font-size:.9rem} th{background:#f4f4f4}
.st{font-weight:600;padding:.1rem .4rem;border-radius:.3rem;background:#eee}
.established,.supported{background:#d9f2d9}.contested{background:#fff1c2}.refuted{background:#f8d0d0}
.unsupported{background:#e6e6e6} .small{color:#555;font-size:.8rem} .legend span{margin-right:1rem}
"""


def _bar(r: AuditRow, scale: int) -> str:
    width = 160
    f = 0 if scale == 0 else round(width * r.for_count / scale)
    a = 0 if scale == 0 else round(width * r.against_count / scale)
    return (f'<svg width="{2 * width + 2}" height="18" role="img" aria-label="{r.for_count} for, '
            f'{r.against_count} against"><rect x="{width - a}" y="2" width="{a}" height="14" fill="#c0392b"/>'
            f'<rect x="{width + 2}" y="2" width="{f}" height="14" fill="#27ae60"/>'
            f'<line x1="{width + 1}" y1="0" x2="{width + 1}" y2="18" stroke="#333"/>'
            f'<text x="{max(width - a - 4, 10)}" y="14" font-size="11" text-anchor="end">{r.against_count}</text>'
            f'<text x="{min(width + f + 6, 2 * width - 10)}" y="14" font-size="11">{r.for_count}</text></svg>')


def render_html(rows: list[AuditRow], source_id: str) -> str:
    e = html.escape
    scale = max([max(r.for_count, r.against_count) for r in rows] + [1])
    body = []
    for r in rows:
        def ref(x: EvidenceRef | None) -> str:
            if x is None:
                return '<span class="small">none</span>'
            return f"{e(x.short())}<div class=\"small\">{e(x.statement)}</div>"
        body.append(
            f"<tr><td><code>{e(r.claim)}</code><div>{e(_claim_text(r))}</div></td>"
            f"<td><span class=\"st {e(r.status)}\">{e(r.status)}</span><div class=\"small\">{e(r.reason)}</div></td>"
            f"<td>{_bar(r, scale)}</td><td>{ref(r.best_for)}</td><td>{ref(r.best_against)}</td>"
            f"<td>{e(r.verdict)}</td></tr>")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>kratom-kg claim audit: {e(source_id)}</title>
<style>{_CSS}</style></head><body>
<h1>Claim audit: {e(source_id)}</h1>
<p>Each claim of the source is set against claims of other sources on the same subject, relation and
object in kratom-kg. Only credible evidence counts (not promotional or anecdotal statements);
<code>partial_agonist_of</code> counts as <code>agonist_of</code>, and claims about a constituent
(a compound the subject contains) count, marked as such. Status is the assertion's status
computed from all claims. Not for clinical decisions.</p>
<p class="legend small"><span><svg width="12" height="12"><rect width="12" height="12" fill="#27ae60"/></svg>
claims for</span><span><svg width="12" height="12"><rect width="12" height="12" fill="#c0392b"/></svg>
claims against</span></p>
<table><thead><tr><th>claim</th><th>status</th><th>against | for</th><th>strongest for</th>
<th>strongest against</th><th>verdict</th></tr></thead><tbody>
{chr(10).join(body)}
</tbody></table></body></html>
"""


__all__ = ["AuditRow", "EvidenceRef", "audit", "render_html", "render_table", "to_json"]

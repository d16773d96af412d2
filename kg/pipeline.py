"""The build: load, build, validate, write, with nothing half-written.

Outputs go to a temporary folder beside the target and replace it in one rename, so a failed build
leaves the previous ``dist/`` as it was.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph

from kg import __version__, paths
from kg.build import add_metadata, build_dataset
from kg.loader import CuratedData, load_curated
from kg.reason import ReasonResult, add_memberships, reason
from kg.store import OxigraphStore
from kg.validate import ValidationReport, union_graph, validate_dataset

Progress = Callable[[str], None]


@dataclass
class BuildResult:
    data: CuratedData
    dataset: Dataset
    report: ValidationReport
    files: dict[str, str]  # name -> sha256
    reasoned: bool = False  # HermiT ran, so the inferred graph holds the defined-class memberships


def canonical_nquads(ds: Dataset) -> bytes:
    """Sorted N-Quads: the canonical, byte-stable serialisation (no blank nodes are minted)."""
    text = ds.serialize(format="nquads", encoding="utf-8")
    lines = sorted({line for line in text.decode("utf-8").splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8")


def _noop(_msg: str) -> None:
    return None


def assemble(data: CuratedData, progress: Progress = _noop, *, owl: bool = True) -> tuple[Dataset, ReasonResult | None]:
    """The released dataset: curated graphs, the inferred graph and the dataset description.

    With ``owl``, HermiT runs once: its consistency verdict is returned for validation and the
    defined-class memberships it derives go into the inferred graph before the rules run, so the
    rules can use them. Without it (no Java) the dataset lacks those memberships.
    """
    from kg.infer import add_inferred, store_from_dataset
    from kg.prediction_rdf import add_predictions

    ds = build_dataset(data)
    result = None
    if owl:
        progress("reasoning (OWL 2 DL, HermiT)")
        result = reason(ds)
        if result.consistent:
            progress(f"classified: {add_memberships(ds, result)} defined-class memberships")
    engine = store_from_dataset(ds)  # one load serves the rules and the predictions
    progress(f"inferring interactions ({add_inferred(ds, engine=engine)} triples from queries/rules/)")
    progress(f"predicting interaction sizes ({add_predictions(ds, engine)} triples, ICH M12 static models)")
    add_metadata(ds, __version__)
    return ds, result


def build_and_validate(data_dir: Path | None = None, *, owl: bool = True, progress: Progress = _noop) -> BuildResult:
    progress("loading curated data")
    data = load_curated(data_dir or paths.data_dir())
    progress(f"building RDF ({len(data.claims)} claims, {len(data.entities)} entities, {len(data.sources)} sources)")
    ds, owl_result = assemble(data, progress, owl=owl)
    progress("validating (SHACL)")
    report = validate_dataset(ds, data.locations, owl=owl_result)
    return BuildResult(data, ds, report, {}, reasoned=owl_result is not None)


def _atomic_write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _turtle(g: Graph) -> bytes:
    from kg.namespaces import PREFIXES

    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g.serialize(format="turtle", encoding="utf-8")


def write_dist(
    result: BuildResult, out: Path, *, package_graph: bool = True, progress: Progress = _noop
) -> dict[str, str]:
    """Write release files into ``out`` atomically; refresh the packaged graph when asked."""
    progress(f"writing {out}")
    from kg.export import claims_csv, kgx_edges, kgx_nodes, to_graphml, to_trig
    from kg.network import assertion_network

    nq = canonical_nquads(result.dataset)
    engine = OxigraphStore.from_nquads_bytes(nq)
    outputs: dict[str, bytes] = {
        "kratom-kg.nq": nq,
        "kratom-kg.trig": to_trig(nq).encode("utf-8"),
        "kratom-kg.ttl": _turtle(union_graph(result.dataset)),
        "assertions.graphml": to_graphml(assertion_network(engine)).encode("utf-8"),
        "claims.csv": claims_csv(engine).encode("utf-8"),
    }
    nodes, kgx_ids = kgx_nodes(engine)
    outputs["kgx/nodes.tsv"] = nodes.encode("utf-8")
    outputs["kgx/edges.tsv"] = kgx_edges(engine, kgx_ids).encode("utf-8")
    files = {name: hashlib.sha256(content).hexdigest() for name, content in outputs.items()}
    report = build_report(result, files, engine)
    outputs["build-report.json"] = (json.dumps(report, indent=2, sort_keys=True) + "\n").encode("utf-8")
    files["build-report.json"] = hashlib.sha256(outputs["build-report.json"]).hexdigest()

    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.staging-"))
    try:
        for name, content in outputs.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_bytes(content)
        backup = None
        if out.exists():
            backup = out.parent / f".{out.name}.old-{os.getpid()}"
            os.replace(out, backup)
        os.replace(staging, out)
        if backup is not None:
            shutil.rmtree(backup, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if package_graph and not result.reasoned:
        progress("packaged graph NOT refreshed: it includes HermiT's classification, so build without --no-owl")
    elif package_graph:
        _atomic_write(paths.packaged_graph(), gzip.compress(nq, compresslevel=9, mtime=0))
    result.files = files
    return files


def build_report(result: BuildResult, files: dict[str, str], engine: OxigraphStore) -> dict[str, object]:
    from kg.stats import stats

    r = result.report
    return {
        "version": __version__,
        "conforms": r.conforms,
        "shacl_violations": [str(v) for v in r.violations],
        "owl": {"checked": r.owl_consistent is not None, "consistent": r.owl_consistent, "message": r.owl_message},
        "counts": stats(engine),
        "triples": sum(len(g) for g in result.dataset.graphs()),
        "files": files,
    }

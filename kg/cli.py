"""The ``kratom-kg`` command line: a thin layer over the library.

Exit codes: 0 ok; 1 the data is well-formed but violates a shape or the ontology; 2 the user must
fix something (unparseable file, unknown reference or name, bad parameter, missing Java).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg import paths
from kg.loader import LoadError
from kg.output import FORMATS, render
from kg.query import QueryError, UnknownEntityError, named_queries

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _progress(msg: str) -> None:
    click.echo(f"[kratom-kg] {msg}", err=True)


def _fail(msg: str, code: int = EXIT_USAGE) -> None:
    click.echo(f"error: {msg}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kratom-kg")
def main() -> None:
    """kratom-kg: an evidence-graded knowledge graph of kratom pharmacology and interactions.

    Not for clinical decisions.
    """


def _build_or_validate(data: Path | None, owl: bool) -> object:
    from kg.pipeline import build_and_validate
    from kg.reason import JavaMissingError

    try:
        result = build_and_validate(data, owl=owl, progress=_progress)
    except (LoadError, JavaMissingError) as exc:
        _fail(str(exc))
    report = result.report
    for v in report.violations:
        click.echo(f"SHACL {v.severity}: {v}", err=True)
    if report.owl_consistent is not None:
        click.echo(f"OWL: {report.owl_message}", err=True)
    if not report.conforms:
        _fail(f"validation failed: {len(report.violations)} SHACL result(s)"
              + ("" if report.owl_consistent in (None, True) else "; OWL inconsistent"), EXIT_INVALID)
    return result


@main.command()
@click.option("--data", type=click.Path(path_type=Path, file_okay=False), help="Curated data folder (default: data/).")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Output folder (default: dist/ of the checkout, else of the current folder).")
@click.option("--no-owl", is_flag=True, help="Skip the OWL consistency check (HermiT, needs Java).")
def build(data: Path | None, out: Path | None, no_owl: bool) -> None:
    """Load data/, build the RDF dataset, validate it and write dist/ (and the packaged graph)."""
    from kg.pipeline import BuildResult, write_dist

    result = _build_or_validate(data, owl=not no_owl)
    assert isinstance(result, BuildResult)
    target = out or (paths.project_root() if paths.in_checkout() else Path.cwd()) / "dist"
    files = write_dist(result, target, package_graph=data is None and paths.in_checkout(), progress=_progress)
    for name, digest in sorted(files.items()):
        click.echo(f"{target / name}  sha256:{digest[:16]}")


@main.command()
@click.option("--data", type=click.Path(path_type=Path, file_okay=False), help="Curated data folder (default: data/).")
@click.option("--no-owl", is_flag=True, help="Skip the OWL consistency check (HermiT, needs Java).")
def validate(data: Path | None, no_owl: bool) -> None:
    """Check the curated data (loader, SHACL, OWL) without writing anything."""
    _build_or_validate(data, owl=not no_owl)
    click.echo("valid: the data loads, conforms to the shapes" + ("" if no_owl else " and is OWL-consistent"))


def _params(pairs: tuple[str, ...]) -> dict[str, object]:
    out: dict[str, object] = {}
    for pair in pairs:
        if "=" not in pair:
            _fail(f"--param expects key=value, got {pair!r}")
        key, value = pair.split("=", 1)
        out[key.strip()] = value
    return out


@main.command()
@click.argument("name", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="Bind a query parameter.")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--graph", type=click.Path(path_type=Path, dir_okay=False),
              help="N-Quads file to query (default: the packaged graph).")
@click.option("--list", "list_", is_flag=True, help="List the named queries with their parameters.")
def query(name: str | None, params: tuple[str, ...], fmt: str, graph: Path | None, list_: bool) -> None:
    """Run a named query (a file in queries/, or a path to an .rq file) with bound parameters."""
    if list_ or not name:
        for q in named_queries().values():
            ps = " ".join(f"--param {p.name}=…" for p in q.params)
            click.echo(f"{q.name:32} {q.title}" + (f"\n{'':32} {ps}" if ps else ""))
        return
    import kg

    try:
        result = kg.load(graph).query(name, **_params(params))
    except (UnknownEntityError, QueryError, FileNotFoundError) as exc:
        _fail(str(exc))
    click.echo(render(result.columns, result.rows, fmt), nl=False)


@main.command("export")
@click.option("--format", "-f", "fmt", type=click.Choice(["trig", "graphml", "csv", "kgx-nodes", "kgx-edges"]),
              default="trig", show_default=True,
              help="trig: all named graphs; graphml: the assertion layer; csv: one row per claim; "
              "kgx-nodes / kgx-edges: Biolink KGX TSV.")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False),
              help="Write to FILE (default: standard output).")
@click.option("--graph", type=click.Path(path_type=Path, dir_okay=False),
              help="N-Quads file (default: the packaged graph).")
def export_cmd(fmt: str, out: Path | None, graph: Path | None) -> None:
    """Export the graph for other tools (deterministic output; `kratom-kg build` also writes these to dist/)."""
    import kg
    from kg.export import export

    try:
        text = export(kg.load(graph).engine, fmt)
    except FileNotFoundError as exc:
        _fail(str(exc))
    if out is None:
        click.echo(text, nl=False)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        click.echo(f"wrote {out}", err=True)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.option("--graph", type=click.Path(path_type=Path, dir_okay=False),
              help="N-Quads file (default: the packaged graph).")
def stats(as_json: bool, graph: Path | None) -> None:
    """Counts of compounds, targets, substances, claims, sources, ... computed by SPARQL."""
    import kg
    from kg.stats import stats as compute

    counts = compute(kg.load(graph).engine)
    if as_json:
        click.echo(json.dumps(counts, indent=2))
    else:
        for key, value in counts.items():
            click.echo(f"{key:24} {value}")


@main.command()
@click.argument("name")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--graph", type=click.Path(path_type=Path, dir_okay=False),
              help="N-Quads file (default: the packaged graph).")
def interactions(name: str, fmt: str, graph: Path | None) -> None:
    """Observed and inferred interactions of NAME with kratom, each with the claims behind it."""
    import kg
    from kg.interaction_report import interactions as find
    from kg.interaction_report import render_text, to_json

    try:
        answers = find(kg.load(graph).engine, name)
    except (UnknownEntityError, FileNotFoundError) as exc:
        _fail(str(exc))
    click.echo(to_json(name, answers) if fmt == "json" else render_text(name, answers), nl=False)


@main.command()
@click.argument("source", default="seed-article")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json", "html"]), default="table", show_default=True)
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), help="Write the report to FILE.")
@click.option("--graph", type=click.Path(path_type=Path, dir_okay=False),
              help="N-Quads file (default: the packaged graph).")
def audit(source: str, fmt: str, out: Path | None, graph: Path | None) -> None:
    """Audit the claims of SOURCE (a source record id; default: the seed article) against the literature."""
    import kg
    from kg.claim_audit import audit as run_audit
    from kg.claim_audit import render_html, render_table, to_json

    try:
        engine = kg.load(graph).engine
    except FileNotFoundError as exc:
        _fail(str(exc))
    from kg.query import lib_query

    _, known = engine.select(lib_query("source-ids"))
    ids = sorted(str(r["id"].value) for r in known if r["id"] is not None)
    if source not in ids:
        import difflib

        close = difflib.get_close_matches(source, ids, n=5, cutoff=0.5)
        _fail(f"no source is called {source!r}" + (f"; closest known ids: {', '.join(close)}" if close else ""))
    rows = run_audit(engine, source)
    text = {"json": to_json, "html": render_html}.get(fmt, render_table)(rows, source)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        click.echo(f"wrote {out}", err=True)
    else:
        click.echo(text, nl=False)


@main.command()
@click.argument("object_name", metavar="OBJECT")
@click.option("--precipitant", default="mitragynine", show_default=True,
              help="The kratom compound whose inhibition constants are used.")
@click.option("--dose", default="2g", show_default=True, help="Amount of the kratom product taken (e.g. 2g).")
@click.option("--product", default="napdi-k51-kratom-powder", show_default=True,
              help="The product whose measured content converts the dose into the compound's dose.")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--graph", type=click.Path(path_type=Path, dir_okay=False),
              help="N-Quads file (default: the packaged graph).")
def predict(object_name: str, precipitant: str, dose: str, product: str, fmt: str, graph: Path | None) -> None:
    """Predict how much PRECIPITANT could raise OBJECT's exposure (ICH M12 static models), from claims.

    Each prediction lists the claims it used; a missing input gives "cannot predict: needs X" and no
    number. Observed clinical AUC ratios for OBJECT stand beside the predictions.
    """
    import kg
    from kg.prediction import predict_all, render_text, to_json

    try:
        report = predict_all(kg.load(graph).engine, object_name, precipitant, dose, product)
    except (UnknownEntityError, ValueError, FileNotFoundError) as exc:
        _fail(str(exc))
    click.echo(to_json(report) if fmt == "json" else render_text(report), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()

"""The built graph as users meet it: an Oxigraph store plus one-call views (rdflib, networkx)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg import paths
from kg.query import Result, resolve_entity, run_query
from kg.store import OxigraphStore

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Dataset


class GraphNotBuiltError(FileNotFoundError):
    """No built graph is packaged and the curated data to build one is not there either."""


class KnowledgeGraph:
    """The kratom-kg dataset, loaded into an embedded SPARQL store."""

    def __init__(self, engine: OxigraphStore, origin: str) -> None:
        self.engine = engine
        self.origin = origin

    def __len__(self) -> int:
        return len(self.engine)

    def __repr__(self) -> str:
        return f"<KnowledgeGraph {len(self)} quads from {self.origin}>"

    def query(self, name: str, **params: object) -> Result:
        """Run a named query (a file in queries/) with bound parameters."""
        return run_query(self.engine, name, params)

    def resolve(self, name: str) -> str:
        """IRI of the entity with this id, label, synonym or CURIE."""
        return resolve_entity(self.engine, name).value

    def rdflib(self) -> Dataset:
        """The same data as an rdflib Dataset (slower; for rdflib-based tools such as pySHACL)."""
        from rdflib import Dataset

        ds = Dataset()
        ds.parse(data=self.engine.dump_nquads(), format="nquads")
        return ds

    def to_networkx(self) -> nx.MultiDiGraph:
        from kg.network import assertion_network

        return assertion_network(self.engine)


def load(path: Path | str | None = None) -> KnowledgeGraph:
    """Load the built graph (N-Quads) into an embedded store.

    Without a path: the graph packaged with kg. If none is packaged yet (a fresh checkout that was
    never built), it is built in memory from the curated data, without the OWL step.
    """
    target = Path(path) if path is not None else paths.packaged_graph()
    if target.is_file():
        if target.suffix == ".gz":
            import gzip

            return KnowledgeGraph(OxigraphStore.from_nquads_bytes(gzip.decompress(target.read_bytes())), str(target))
        return KnowledgeGraph(OxigraphStore.from_nquads(target), str(target))
    if path is not None:
        raise GraphNotBuiltError(f"{target}: no such graph file; build one with `kratom-kg build --out DIR`")
    if not paths.data_dir().is_dir():
        raise GraphNotBuiltError("no built graph is packaged and no curated data was found; run `kratom-kg build`")
    from kg.loader import load_curated
    from kg.pipeline import assemble, canonical_nquads
    from kg.reason import java_available

    ds, _ = assemble(load_curated(paths.data_dir()), owl=java_available())
    return KnowledgeGraph(OxigraphStore.from_nquads_bytes(canonical_nquads(ds)), "built in memory from data/")

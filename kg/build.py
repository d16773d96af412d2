"""Turn curated records into the RDF dataset, deterministically.

No blank nodes are minted (measurement and study nodes get IRIs under their claim or source), so
sorted N-Quads are byte-identical across builds of the same input.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg import paths, terms
from kg.loader import CuratedData
from kg.namespaces import (
    BIOLINK,
    CURIE_PREFIX_MAP,
    GRAPH,
    GRAPH_ASSERTIONS,
    GRAPH_CLAIMS,
    GRAPH_ENTITIES,
    GRAPH_METADATA,
    GRAPH_ONTOLOGY,
    GRAPH_SOURCES,
    KKG,
    VOID,
    entity_iri,
    obo,
)
from kg.status import compute_status
from kg.units import p_value, to_base

GRAPH_INTERACTIONS = GRAPH["interactions"]
GRAPH_REGULATORY = GRAPH["regulatory"]

_TARGET_CLASS = {"receptor": KKG.Receptor, "enzyme": KKG.Enzyme, "transporter": KKG.Transporter}


def term_iri(curie: str) -> URIRef:
    """IRI of a vocabulary CURIE from kg.terms: our own (kkg:), Biolink, or an OBO term."""
    prefix, local = curie.split(":", 1)
    if prefix == "kkg":
        return KKG[local]
    if prefix == "biolink":
        return BIOLINK[local]
    return obo(curie)


def evidence_iri(key: str) -> URIRef:
    return KKG["evidence-" + key]


def mechanism_iri(key: str) -> URIRef:
    return KKG["mechanism-" + key]


def severity_iri(key: str) -> URIRef:
    return KKG["severity-" + key]


def status_iri(status: str) -> URIRef:
    return KKG[status.capitalize()]


def predicate_iri(key: str) -> URIRef:
    return KKG[terms.PREDICATES[key].prop]


def measure_iri(key: str) -> URIRef:
    return term_iri(terms.MEASURES[key][0])


def unit_iri(key: str) -> URIRef:
    return term_iri(terms.UNITS[key].iri)


def expand_xref(curie: str) -> URIRef | None:
    prefix, local = curie.split(":", 1)
    base = CURIE_PREFIX_MAP.get(prefix)
    return URIRef(base + local) if base else None


def node(data: CuratedData, local_id: str) -> URIRef:
    """IRI of any curated record by id."""
    etype = data.entity_type(local_id)
    if etype is not None:
        return entity_iri(terms.ENTITY_TYPES[etype].segment, local_id)
    if local_id in data.sources:
        return entity_iri("source", local_id)
    if local_id in data.claims:
        return entity_iri("claim", local_id)
    if local_id in data.interactions:
        return entity_iri("interaction", local_id)
    if local_id in data.actions:
        return entity_iri("regulatory-action", local_id)
    raise KeyError(local_id)


def assertion_iri(subject: str, predicate: str, obj: str) -> URIRef:
    return entity_iri("assertion", f"{subject}--{predicate}--{obj}")


def _dec(value: float) -> Literal:
    return Literal(Decimal(repr(value)), datatype=XSD.decimal)


def _date_literal(value: str) -> Literal:
    if re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        return Literal(value, datatype=XSD.date)
    if re.match(r"^\d{4}-\d{2}$", value):
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value, datatype=XSD.gYear)


def vocabulary_graph() -> Graph:
    """Individuals of the controlled vocabularies, generated from kg.terms."""
    g = Graph()
    for ev in terms.EVIDENCE.values():
        iri = evidence_iri(ev.key)
        g.add((iri, RDF.type, KKG.EvidenceType))
        g.add((iri, RDF.type, OWL.NamedIndividual))
        g.add((iri, RDFS.label, Literal(ev.label, lang="en")))
        g.add((iri, SKOS.notation, Literal(ev.key)))
        g.add((iri, KKG.evidenceRank, Literal(ev.rank)))
        for curie in ev.exact:
            g.add((iri, SKOS.exactMatch, term_iri(curie)))
        for curie in ev.close:
            g.add((iri, SKOS.closeMatch, term_iri(curie)))
    for unit in terms.UNITS.values():
        iri = unit_iri(unit.key)
        g.add((iri, RDF.type, KKG.Unit))
        g.add((iri, RDF.type, OWL.NamedIndividual))
        g.add((iri, RDFS.label, Literal(unit.label, lang="en")))
        g.add((iri, SKOS.notation, Literal(unit.key)))
    for key, (_curie, label, dims) in terms.MEASURES.items():
        iri = measure_iri(key)
        g.add((iri, RDF.type, KKG.Measure))
        for unit in terms.UNITS.values():
            if unit.dimension in dims:
                g.add((iri, KKG.allowedUnit, unit_iri(unit.key)))
        g.add((iri, RDF.type, OWL.NamedIndividual))
        g.add((iri, RDFS.label, Literal(label, lang="en")))
        g.add((iri, SKOS.notation, Literal(key)))
    for key, (label, kind) in terms.MECHANISMS.items():
        iri = mechanism_iri(key)
        g.add((iri, RDF.type, KKG.Mechanism))
        g.add((iri, RDF.type, OWL.NamedIndividual))
        g.add((iri, RDFS.label, Literal(label, lang="en")))
        g.add((iri, SKOS.notation, Literal(key)))
        g.add((iri, KKG.kind, Literal(kind)))
    for key in terms.SEVERITIES:
        iri = severity_iri(key)
        g.add((iri, RDF.type, KKG.Severity))
        g.add((iri, RDF.type, OWL.NamedIndividual))
        g.add((iri, RDFS.label, Literal(key, lang="en")))
    for pred in terms.PREDICATES.values():
        iri = predicate_iri(pred.key)
        g.add((iri, SKOS.notation, Literal(pred.key)))
        for relation, curie in pred.mappings:
            g.add((iri, SKOS[relation], term_iri(curie)))
    return g


def ontology_graph(ontology: Path | None = None) -> Graph:
    """The ontology with the vocabulary individuals. Its blank nodes (OWL restrictions and lists)
    get canonical labels (RDFC / RGDA1 via rdflib.compare), so serialisations stay byte-stable."""
    from rdflib.compare import to_canonical_graph

    g = Graph()
    g.parse(ontology or paths.ontology_file(), format="turtle")
    g += vocabulary_graph()
    canonical = Graph()
    for triple in to_canonical_graph(g):
        canonical.add(triple)
    return canonical


def build_dataset(data: CuratedData, ontology: Path | None = None) -> Dataset:
    """The full dataset: ontology, curated records and the derived assertion layer."""
    ds = Dataset()
    onto = ds.graph(GRAPH_ONTOLOGY)
    onto += ontology_graph(ontology)
    _entities(data, ds.graph(GRAPH_ENTITIES))
    _sources(data, ds.graph(GRAPH_SOURCES))
    _claims(data, ds.graph(GRAPH_CLAIMS))
    _interactions(data, ds.graph(GRAPH_INTERACTIONS))
    _actions(data, ds.graph(GRAPH_REGULATORY))
    _assertions(data, ds.graph(GRAPH_ASSERTIONS), ds.graph(GRAPH_CLAIMS))
    return ds


def _entities(data: CuratedData, g: Graph) -> None:
    for rid, (etype, ent) in sorted(data.entities.items()):
        s = node(data, rid)
        g.add((s, RDF.type, KKG[terms.ENTITY_TYPES[etype].cls]))
        if etype == "target" and ent.kind:
            g.add((s, RDF.type, _TARGET_CLASS[ent.kind]))
        g.add((s, RDFS.label, Literal(ent.label)))
        g.add((s, SKOS.prefLabel, Literal(ent.label)))
        g.add((s, DCTERMS.identifier, Literal(rid)))
        for syn in ent.synonyms:
            g.add((s, SKOS.altLabel, Literal(syn)))
        for curie in ent.xrefs:
            g.add((s, KKG.xref, Literal(curie)))
            iri = expand_xref(curie)
            if iri is not None:
                g.add((s, SKOS.exactMatch, iri))
        if ent.description:
            g.add((s, DCTERMS.description, Literal(ent.description)))
        if ent.kind:
            g.add((s, KKG.kind, Literal(ent.kind)))
        for cls in ent.classes:
            g.add((s, KKG.memberOf, node(data, cls)))
        if ent.natural_product:
            g.add((s, KKG.madeFrom, node(data, ent.natural_product)))
        if ent.form:
            g.add((s, KKG.form, Literal(ent.form)))
        for src in ent.sources:
            g.add((s, PROV.wasDerivedFrom, node(data, src)))


def _sources(data: CuratedData, g: Graph) -> None:
    for rid, src in sorted(data.sources.items()):
        s = node(data, rid)
        g.add((s, RDF.type, KKG.Source))
        g.add((s, RDF.type, KKG[terms.SOURCE_TYPES[src.type][0]]))
        g.add((s, KKG.sourceType, Literal(src.type)))
        g.add((s, DCTERMS.identifier, Literal(rid)))
        g.add((s, DCTERMS.title, Literal(src.title)))
        g.add((s, RDFS.label, Literal(src.title)))
        if src.authors:
            g.add((s, DCTERMS.creator, Literal(src.authors)))
        if src.year is not None:
            g.add((s, DCTERMS.issued, Literal(str(src.year), datatype=XSD.gYear)))
        if src.venue:
            g.add((s, DCTERMS.bibliographicCitation, Literal(src.venue)))
        if src.pmid:
            g.add((s, KKG.pmid, Literal(src.pmid)))
            g.add((s, SKOS.exactMatch, URIRef("https://pubmed.ncbi.nlm.nih.gov/" + src.pmid)))
        if src.pmcid:
            g.add((s, KKG.pmcid, Literal(src.pmcid)))
        if src.doi:
            g.add((s, KKG.doi, Literal(src.doi)))
            g.add((s, SKOS.exactMatch, URIRef("https://doi.org/" + src.doi)))
        if src.nct:
            g.add((s, KKG.nct, Literal(src.nct)))
            g.add((s, SKOS.exactMatch, URIRef("https://clinicaltrials.gov/study/" + src.nct)))
        if src.url:
            g.add((s, KKG.url, Literal(src.url, datatype=XSD.anyURI)))
        if src.sha256:
            g.add((s, KKG.sha256, Literal(src.sha256)))
        if src.read:
            g.add((s, KKG.readLevel, Literal(src.read)))
        if src.accessed:
            g.add((s, DCTERMS.date, Literal(src.accessed.isoformat(), datatype=XSD.date)))
        if src.study is not None:
            st = URIRef(str(s) + "/study")
            g.add((s, KKG.study, st))
            g.add((st, RDF.type, KKG.Study))
            for fld, prop in (("design", KKG.design), ("population", KKG.population),
                              ("funding", KKG.funding), ("coi", KKG.conflictOfInterest)):
                value = getattr(src.study, fld)
                if value:
                    g.add((st, prop, Literal(value)))
            if src.study.n is not None:
                g.add((st, KKG.sampleSize, Literal(src.study.n)))
            if src.study.species:
                g.add((st, KKG.species, node(data, src.study.species)))


_ENTITY_QUALIFIERS = {"enzyme": KKG.enzyme, "product": KKG.product, "species": KKG.species}
_LITERAL_QUALIFIERS = {"pathway": KKG.pathway, "strength": KKG.strength, "inhibition_type": KKG.inhibitionType}


def _claims(data: CuratedData, g: Graph) -> None:
    for rid, c in sorted(data.claims.items()):
        s = node(data, rid)
        g.add((s, RDF.type, KKG.Claim))
        g.add((s, KKG.subject, node(data, c.subject)))
        g.add((s, KKG.predicate, predicate_iri(c.predicate)))
        g.add((s, KKG.object, node(data, c.object)))
        g.add((s, KKG.polarity, KKG.Affirmed if c.polarity == "affirmed" else KKG.Negated))
        g.add((s, KKG.evidenceType, evidence_iri(c.evidence)))
        g.add((s, PROV.wasDerivedFrom, node(data, c.source)))
        g.add((s, KKG.statement, Literal(c.statement)))
        g.add((s, DCTERMS.identifier, Literal(rid)))
        g.add((s, KKG.assertion, assertion_iri(c.subject, c.predicate, c.object)))
        if c.locator:
            g.add((s, KKG.locator, Literal(c.locator)))
        if c.curator:
            g.add((s, KKG.curator, Literal(c.curator)))
        if c.curated:
            g.add((s, DCTERMS.created, Literal(c.curated.isoformat(), datatype=XSD.date)))
        for key, value in sorted(c.qualifiers.items()):
            if key in _ENTITY_QUALIFIERS:
                g.add((s, _ENTITY_QUALIFIERS[key], node(data, str(value))))
            elif key in _LITERAL_QUALIFIERS:
                g.add((s, _LITERAL_QUALIFIERS[key], Literal(str(value))))
            else:
                g.add((s, KKG.qualifier, Literal(f"{key}={value}")))
        m = c.measurement
        if m is not None:
            mn = URIRef(str(s) + "/measurement")
            g.add((s, KKG.measurement, mn))
            g.add((mn, RDF.type, KKG.Measurement))
            g.add((mn, KKG.measure, measure_iri(m.measure)))
            g.add((mn, KKG.unit, unit_iri(m.unit)))
            if m.value is not None:
                g.add((mn, KKG.value, _dec(m.value)))
                base = to_base(m.value, m.unit)
                if base is not None:
                    g.add((mn, KKG.valueInBaseUnit, Literal(float(f"{base:.6g}"))))
            pv = p_value(m.measure, m.value, m.unit) if m.value is not None else None
            if pv is not None:
                g.add((mn, KKG.pValue, Literal(Decimal(f"{pv:.3f}"), datatype=XSD.decimal)))
                g.add((mn, KKG.pMeasure, Literal(terms.P_MEASURES[m.measure])))
            for fld, prop in (("sd", KKG.sd), ("sem", KKG.sem), ("ci_low", KKG.ciLow), ("ci_high", KKG.ciHigh),
                              ("ci_level", KKG.ciLevel), ("range_low", KKG.rangeLow),
                              ("range_high", KKG.rangeHigh)):
                value = getattr(m, fld)
                if value is not None:
                    g.add((mn, prop, _dec(value)))
            if m.stat:
                g.add((mn, KKG.statistic, Literal(m.stat)))
            if m.n is not None:
                g.add((mn, KKG.sampleSize, Literal(m.n)))
            if m.assay:
                g.add((mn, KKG.assaySystem, Literal(m.assay)))
            if m.species:
                g.add((mn, KKG.species, node(data, m.species)))


def _interactions(data: CuratedData, g: Graph) -> None:
    for rid, i in sorted(data.interactions.items()):
        s = node(data, rid)
        g.add((s, RDF.type, KKG.Interaction))
        g.add((s, RDF.type, KKG.ObservedInteraction))
        g.add((s, DCTERMS.identifier, Literal(rid)))
        g.add((s, KKG.precipitant, node(data, i.precipitant)))
        g.add((s, KKG.objectDrug, node(data, i.object)))
        g.add((s, KKG.mechanism, mechanism_iri(i.mechanism)))
        if i.target:
            g.add((s, KKG.viaTarget, node(data, i.target)))
        g.add((s, KKG.effect, Literal(i.effect)))
        g.add((s, KKG.severity, severity_iri(i.severity)))
        g.add((s, KKG.basis, Literal("observed")))
        for cid in i.claims:
            g.add((s, KKG.evidenceClaim, node(data, cid)))


def _actions(data: CuratedData, g: Graph) -> None:
    for rid, a in sorted(data.actions.items()):
        s = node(data, rid)
        g.add((s, RDF.type, KKG.RegulatoryAction))
        g.add((s, DCTERMS.identifier, Literal(rid)))
        g.add((s, KKG.actionDate, _date_literal(a.date)))
        g.add((s, KKG.agency, Literal(a.agency)))
        g.add((s, KKG.jurisdiction, Literal(a.jurisdiction)))
        g.add((s, KKG.actionType, Literal(a.action_type)))
        for subj in a.subjects:
            g.add((s, KKG.actionSubject, node(data, subj)))
        g.add((s, KKG.document, Literal(a.document)))
        if a.document_id:
            g.add((s, KKG.documentId, Literal(a.document_id)))
        g.add((s, PROV.wasDerivedFrom, node(data, a.source)))
        g.add((s, DCTERMS.description, Literal(a.summary)))
        g.add((s, KKG.verification, Literal(a.status)))


def _assertions(data: CuratedData, g: Graph, claims_graph: Graph) -> None:
    grouped: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for rid, c in data.claims.items():
        grouped[(c.subject, c.predicate, c.object)].append(rid)
    for (subj, pred, obj), cids in sorted(grouped.items()):
        st = compute_status(pred, [data.claims[c] for c in cids])
        a = assertion_iri(subj, pred, obj)
        s, o, p = node(data, subj), node(data, obj), predicate_iri(pred)
        g.add((a, RDF.type, KKG.Assertion))
        g.add((a, KKG.subject, s))
        g.add((a, KKG.predicate, p))
        g.add((a, KKG.object, o))
        g.add((a, KKG.status, status_iri(st.status)))
        g.add((a, KKG.affirmingClaims, Literal(st.affirming)))
        g.add((a, KKG.negatingClaims, Literal(st.negating)))
        if st.best_affirming is not None:
            g.add((a, KKG.bestAffirmingRank, Literal(st.best_affirming)))
        if st.best_negating is not None:
            g.add((a, KKG.bestNegatingRank, Literal(st.best_negating)))
        g.add((a, KKG.statusReason, Literal(st.reason)))
        for cid in sorted(cids):
            g.add((a, PROV.wasDerivedFrom, node(data, cid)))
        if st.status in ("established", "supported", "contested"):
            g.add((s, p, o))


def add_metadata(ds: Dataset, version: str) -> None:
    """VoID / DCAT description of the dataset itself, with counts; no timestamps (determinism)."""
    g = ds.graph(GRAPH_METADATA)
    d = URIRef("https://w3id.org/kratom-kg/dataset")
    triples = sum(len(ds.graph(c)) for c in ds.graphs() if c.identifier != GRAPH_METADATA)
    g.add((d, RDF.type, VOID.Dataset))
    g.add((d, RDF.type, URIRef("http://www.w3.org/ns/dcat#Dataset")))
    g.add((d, DCTERMS.title, Literal("kratom-kg", lang="en")))
    g.add((d, DCTERMS.description, Literal(
        "Evidence-graded knowledge graph of kratom (Mitragyna speciosa) pharmacology, interactions, "
        "clinical claims and regulatory actions. Not for clinical decisions.", lang="en")))
    g.add((d, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")))
    g.add((d, OWL.versionInfo, Literal(version)))
    g.add((d, VOID.triples, Literal(triples)))

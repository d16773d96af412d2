"""Every IRI and namespace the project uses, in one place.

Entity, claim and source IRIs are minted here only, so that a change of base or scheme is one
edit and exports, queries and shapes cannot drift apart.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

BASE = "https://w3id.org/kratom-kg/"

KKG = Namespace(BASE + "vocab#")
"""Classes and properties of the kratom-kg ontology."""

ENTITY = Namespace(BASE + "id/")
"""Curated records: ``ENTITY["compound/mitragynine"]``, ``ENTITY["claim/..."]``."""

GRAPH = Namespace(BASE + "graph/")
"""Named graphs of the dataset."""

OBO = Namespace("http://purl.obolibrary.org/obo/")
BIOLINK = Namespace("https://w3id.org/biolink/vocab/")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
VOID = Namespace("http://rdfs.org/ns/void#")
SH = Namespace("http://www.w3.org/ns/shacl#")

GRAPH_ONTOLOGY = GRAPH["ontology"]
GRAPH_ENTITIES = GRAPH["entities"]
GRAPH_SOURCES = GRAPH["sources"]
GRAPH_CLAIMS = GRAPH["claims"]
GRAPH_ASSERTIONS = GRAPH["assertions"]
GRAPH_INFERRED = GRAPH["inferred"]
GRAPH_METADATA = GRAPH["metadata"]

PREFIXES: dict[str, str] = {
    "kkg": str(KKG),
    "id": str(ENTITY),
    "obo": str(OBO),
    "biolink": str(BIOLINK),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "dcat": str(DCAT),
    "void": str(VOID),
}

# External identifier prefixes (Bioregistry's standard prefixes) and their URI expansions.
# A static map: expanding CURIEs never needs the network.
CURIE_PREFIX_MAP: dict[str, str] = {
    "CHEBI": "http://purl.obolibrary.org/obo/CHEBI_",
    "PUBCHEM.COMPOUND": "http://rdf.ncbi.nlm.nih.gov/pubchem/compound/CID",
    "CAS": "https://commonchemistry.cas.org/detail?cas_rn=",
    "UNII": "https://precision.fda.gov/uniisearch/srs/unii/",
    "INCHIKEY": "https://www.ebi.ac.uk/unichem/rest/inchikey/",
    "UNIPROT": "http://purl.uniprot.org/uniprot/",
    "HGNC": "https://identifiers.org/hgnc:",
    "NCBIGENE": "https://www.ncbi.nlm.nih.gov/gene/",
    "NCBITAXON": "http://purl.obolibrary.org/obo/NCBITaxon_",
    "MONDO": "http://purl.obolibrary.org/obo/MONDO_",
    "HP": "http://purl.obolibrary.org/obo/HP_",
    "MESH": "http://id.nlm.nih.gov/mesh/",
    "DRUGBANK": "http://identifiers.org/drugbank:",
    "RXNORM": "http://purl.bioontology.org/ontology/RXNORM/",
    "CHEMBL.COMPOUND": "http://identifiers.org/chembl.compound:",
    "DOID": "http://purl.obolibrary.org/obo/DOID_",
    "UMLS": "http://linkedlifedata.com/resource/umls/id/",
    "ATC": "http://purl.bioontology.org/ontology/ATC/",
    "WIKIDATA": "http://www.wikidata.org/entity/",
    "PUBMED": "http://identifiers.org/pubmed:",
    "PMC": "http://identifiers.org/pmc:",
    "DOI": "https://doi.org/",
    "CLINICALTRIALS": "https://clinicaltrials.gov/study/",
}


def obo(curie: str) -> URIRef:
    """Expand an OBO-style CURIE such as ``ECO:0000184`` to its PURL."""
    prefix, local = curie.split(":", 1)
    return OBO[f"{prefix}_{local}"]


def entity_iri(kind: str, local_id: str) -> URIRef:
    """The IRI of a curated record: kind is the path segment (compound, claim, source, ...)."""
    return ENTITY[f"{kind}/{local_id}"]


__all__ = [
    "BASE",
    "BIOLINK",
    "CURIE_PREFIX_MAP",
    "DCAT",
    "DCTERMS",
    "ENTITY",
    "GRAPH",
    "GRAPH_ASSERTIONS",
    "GRAPH_CLAIMS",
    "GRAPH_ENTITIES",
    "GRAPH_INFERRED",
    "GRAPH_METADATA",
    "GRAPH_ONTOLOGY",
    "GRAPH_SOURCES",
    "KKG",
    "OBO",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SH",
    "SKOS",
    "VOID",
    "XSD",
    "entity_iri",
    "obo",
]

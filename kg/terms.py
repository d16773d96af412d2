"""Controlled vocabularies of the curated data: the single table the loader, the builder, the
ontology checks and the docs agree on.

Each term names its standard mapping (ECO, DIDEO, OBI, UO, RO, Biolink) as read in the project's
vocabulary notes; where no standard term exists the term is our own and says so with a
``closeMatch`` instead of an invented ID.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class EntityType:
    key: str
    cls: str  # local name of the OWL class in the kkg vocabulary
    segment: str  # IRI path segment
    biolink: str


ENTITY_TYPES: dict[str, EntityType] = {
    t.key: t
    for t in [
        EntityType("organism", "Organism", "organism", "OrganismTaxon"),
        EntityType("natural_product", "NaturalProduct", "natural-product", "ComplexMolecularMixture"),
        EntityType("product", "Product", "product", "ComplexMolecularMixture"),
        EntityType("compound", "Compound", "compound", "SmallMolecule"),
        EntityType("target", "Target", "target", "Protein"),
        EntityType("drug_class", "DrugClass", "drug-class", "ChemicalEntity"),
        EntityType("substance", "Substance", "substance", "ChemicalEntity"),
        EntityType("condition", "Condition", "condition", "Disease"),
        EntityType("adverse_effect", "AdverseEffect", "adverse-effect", "PhenotypicFeature"),
    ]
}

# File stem (before an optional "-topic") -> entity type key.
ENTITY_FILES: dict[str, str] = {
    "organisms": "organism",
    "natural_products": "natural_product",
    "products": "product",
    "compounds": "compound",
    "targets": "target",
    "drug_classes": "drug_class",
    "substances": "substance",
    "conditions": "condition",
    "adverse_effects": "adverse_effect",
}

TARGET_KINDS = ("receptor", "enzyme", "transporter")
COMPOUND_KINDS = ("alkaloid", "metabolite", "other")
PRODUCT_FORMS = ("leaf-powder", "tea", "extract", "capsule", "liquid", "other")

AGENT_TYPES = ("natural_product", "product", "compound")
CHEMICAL_TYPES = ("natural_product", "product", "compound", "substance")


@dataclass(frozen=True)
class Predicate:
    key: str
    prop: str  # local name of the object property in kkg
    label: str
    subjects: tuple[str, ...]
    objects: tuple[str, ...]
    mappings: tuple[tuple[str, str], ...] = field(default=())  # (skos relation, IRI or CURIE)


_T = ("target",)
PREDICATES: dict[str, Predicate] = {
    p.key: p
    for p in [
        Predicate("agonist_of", "agonistOf", "agonist of", AGENT_TYPES, _T,
                  (("exactMatch", "RO:0018027"), ("closeMatch", "biolink:affects"))),
        Predicate("partial_agonist_of", "partialAgonistOf", "partial agonist of", AGENT_TYPES, _T,
                  (("broadMatch", "RO:0018027"),)),
        Predicate("antagonist_of", "antagonistOf", "antagonist of", AGENT_TYPES, _T,
                  (("exactMatch", "RO:0018029"),)),
        Predicate("inverse_agonist_of", "inverseAgonistOf", "inverse agonist of", AGENT_TYPES, _T,
                  (("exactMatch", "RO:0018028"),)),
        Predicate("binds", "binds", "binds", AGENT_TYPES, _T,
                  (("closeMatch", "RO:0002436"), ("closeMatch", "biolink:directly_physically_interacts_with"))),
        Predicate("inhibits", "inhibits", "inhibits", CHEMICAL_TYPES, _T,
                  (("closeMatch", "RO:0002449"),)),
        Predicate("induces", "induces", "induces", CHEMICAL_TYPES, _T,
                  (("closeMatch", "biolink:affects"),)),
        Predicate("substrate_of", "substrateOf", "substrate of", ("compound", "substance"), _T,
                  (("exactMatch", "DIDEO:00000041"), ("exactMatch", "biolink:is_substrate_of"))),
        Predicate("metabolite_of", "metaboliteOf", "metabolite of", ("compound",), ("compound", "substance"),
                  (("exactMatch", "biolink:is_metabolite_of"), ("broadMatch", "RO:0001000"))),
        Predicate("diastereomer_of", "diastereomerOf", "diastereomer of", ("compound",), ("compound",)),
        Predicate("contains", "contains", "contains", ("natural_product", "product"), ("compound",),
                  (("closeMatch", "biolink:has_part"), ("closeMatch", "BFO:0000051"))),
        Predicate("has_pk_parameter", "hasPkParameter", "has pharmacokinetic parameter in",
                  ("compound", "substance", "target"), ("organism",)),  # target: enzyme turnover (kdeg)
        Predicate("increases_exposure_of", "increasesExposureOf", "increases exposure of",
                  CHEMICAL_TYPES, ("substance", "compound"),
                  (("closeMatch", "biolink:pharmacologically_interacts_with"),)),
        Predicate("decreases_exposure_of", "decreasesExposureOf", "decreases exposure of",
                  CHEMICAL_TYPES, ("substance", "compound"),
                  (("closeMatch", "biolink:pharmacologically_interacts_with"),)),
        Predicate("interacts_with", "interactsWith", "interacts with", CHEMICAL_TYPES,
                  ("substance", "compound", "drug_class"),
                  (("closeMatch", "RO:0002434"), ("closeMatch", "biolink:pharmacologically_interacts_with"))),
        Predicate("treats", "treats", "treats", AGENT_TYPES, ("condition",),
                  (("closeMatch", "RO:0002606"), ("closeMatch", "biolink:treats_or_applied_or_studied_to_treat"))),
        Predicate("causes", "causes", "causes", AGENT_TYPES, ("adverse_effect", "condition"),
                  (("closeMatch", "RO:0003302"), ("closeMatch", "biolink:has_adverse_event"))),
        Predicate("associated_with", "associatedWith", "associated with", AGENT_TYPES,
                  ("adverse_effect", "condition"), (("closeMatch", "biolink:contributes_to"),)),
        Predicate("in_class", "inClass", "in class", ("natural_product", "compound", "substance"),
                  ("drug_class",), (("closeMatch", "RO:0000087"),)),
        Predicate("safer_than", "saferThan", "safer than", AGENT_TYPES, ("drug_class", "substance")),
    ]
}


@dataclass(frozen=True)
class Evidence:
    key: str
    cls: str
    label: str
    rank: int  # ordinal strength; -1 for regulatory statements, kept apart from the scale
    exact: tuple[str, ...] = ()
    close: tuple[str, ...] = ()


EVIDENCE: dict[str, Evidence] = {
    e.key: e
    for e in [
        Evidence("promotional", "PromotionalStatement", "promotional statement", 0, (), ("ECO:0000034",)),
        Evidence("anecdotal", "AnecdotalStatement", "anecdotal statement", 0, (), ("ECO:0006153",)),
        Evidence("regulatory-statement", "RegulatoryStatement", "regulatory statement", -1, (), ("ECO:0000204",)),
        Evidence("review", "NarrativeReview", "narrative review statement", 1, ("ECO:0000033",)),
        Evidence("computational", "ComputationalEvidence", "computational evidence", 1, ("ECO:0007672",)),
        Evidence("in-vitro-binding", "InVitroBinding", "radioligand binding assay evidence", 2, ("ECO:0007008",),
                 ("ECO:0006264",)),
        Evidence("in-vitro-functional", "InVitroFunctional", "in vitro functional assay evidence", 2,
                 ("ECO:0000181",)),
        Evidence("in-vitro-enzyme-inhibition", "InVitroEnzymeInhibition", "enzyme inhibition evidence", 2,
                 ("ECO:0000184", "DIDEO:00000070")),
        Evidence("in-vitro-enzyme-inhibition-hlm", "InVitroEnzymeInhibitionHLM",
                 "CYP450 human microsome inhibition evidence", 2, ("ECO:0000184", "DIDEO:00000081")),
        Evidence("in-vitro-enzyme-inhibition-recombinant", "InVitroEnzymeInhibitionRecombinant",
                 "CYP450 recombinant inhibition evidence", 2, ("ECO:0000184", "DIDEO:00000080")),
        Evidence("in-vitro-transporter", "InVitroTransporter", "transporter inhibition evidence", 2,
                 ("DIDEO:00000111",), ("ECO:0000181",)),
        Evidence("in-vitro-metabolism", "InVitroMetabolism", "reaction phenotyping evidence", 2,
                 ("DIDEO:00000063",), ("ECO:0000181",)),
        Evidence("chemical-analysis", "ChemicalAnalysis", "chemical analytic characterization", 2,
                 ("DIDEO:00005004",), ("ECO:0000335",)),
        Evidence("animal", "AnimalStudy", "animal model system study evidence", 3, ("ECO:0000179",)),
        Evidence("case-report", "CaseReport", "case report", 4, (), ("ECO:0006152", "DIDEO:00000084")),
        Evidence("case-series", "CaseSeries", "case series", 4, (), ("OBI:0002674", "ECO:0006152")),
        Evidence("spontaneous-report", "SpontaneousReport", "spontaneous adverse event reports", 4,
                 ("DIDEO:00000083",)),
        Evidence("survey", "Survey", "survey", 5, (), ("ECO:0006153", "OBI:0003725")),
        Evidence("observational-study", "ObservationalStudy", "observational study", 5, (),
                 ("ECO:0000180", "DIDEO:00000079")),
        Evidence("clinical-pk", "ClinicalPharmacokineticStudy", "clinical pharmacokinetic study", 6,
                 ("ECO:0000180",), ("DIDEO:00000075",)),
        Evidence("clinical-ddi-study", "ClinicalInteractionStudy", "clinical drug interaction study", 6,
                 ("ECO:0000180", "DIDEO:00000071")),
        Evidence("controlled-clinical-trial", "ControlledClinicalTrial", "controlled clinical study", 6,
                 ("ECO:0000180",)),
        Evidence("rct", "RandomizedControlledTrial", "randomized controlled trial", 6, ("ECO:0000180",),
                 ("OBI:0004001",)),
        Evidence("systematic-review", "SystematicReview", "systematic review", 7, (),
                 ("ECO:0000212", "OBI:0001958", "STATO:0000155")),
    ]
}

CREDIBLE_RANK = 1
"""Claims at or above this rank count as evidence; promotional and anecdotal ones do not."""


@dataclass(frozen=True)
class Unit:
    key: str
    iri: str  # CURIE of UO, or "kkg:" for our own unit
    label: str
    dimension: str
    factor: float  # to the dimension's base unit (M, g/mL, g, h, 1/h, ...)


UNITS: dict[str, Unit] = {
    u.key: u
    for u in [
        Unit("nM", "UO:0000065", "nanomolar", "molar", 1e-9),
        Unit("uM", "UO:0000064", "micromolar", "molar", 1e-6),
        Unit("mM", "UO:0000063", "millimolar", "molar", 1e-3),
        Unit("ng/mL", "UO:0000275", "nanogram per milliliter", "mass-concentration", 1e-9),
        Unit("ug/mL", "UO:0000274", "microgram per milliliter", "mass-concentration", 1e-6),
        Unit("mg", "UO:0000022", "milligram", "mass", 1e-3),
        Unit("g", "UO:0000021", "gram", "mass", 1.0),
        Unit("mg/kg", "UO:0000308", "milligram per kilogram", "dose-per-weight", 1.0),
        Unit("h", "UO:0000032", "hour", "time", 1.0),
        Unit("min", "UO:0000031", "minute", "time", 1 / 60),
        Unit("per-min", "kkg:PerMinute", "per minute", "rate", 60.0),
        Unit("per-h", "kkg:PerHour", "per hour", "rate", 1.0),
        Unit("L", "kkg:Liter", "liter", "volume", 1.0),
        Unit("mg/mL", "kkg:MilligramPerMilliliter", "milligram per milliliter", "mass-concentration", 1e-3),
        Unit("L/kg", "UO:0000197", "liter per kilogram", "volume-per-weight", 1.0),
        Unit("L/h", "kkg:LiterPerHour", "liter per hour", "flow", 1.0),
        Unit("L/h/kg", "kkg:LiterPerHourPerKilogram", "liter per hour per kilogram", "flow-per-weight", 1.0),
        Unit("mL/min", "kkg:MilliliterPerMinute", "milliliter per minute", "flow", 0.06),
        Unit("mL/min/kg", "kkg:MilliliterPerMinutePerKilogram", "milliliter per minute per kilogram",
             "flow-per-weight", 0.06),
        Unit("uL/min/mg", "kkg:MicroliterPerMinutePerMilligram", "microliter per minute per milligram protein",
             "intrinsic-clearance", 1.0),
        Unit("percent", "UO:0000187", "percent", "fraction", 0.01),
        Unit("fraction", "kkg:Fraction", "fraction (0 to 1)", "fraction", 1.0),
        Unit("ratio", "UO:0010006", "ratio", "ratio", 1.0),
        Unit("mg/g", "kkg:MilligramPerGram", "milligram per gram", "content", 1e-3),
        Unit("nM*h", "kkg:NanomolarHour", "nanomolar hour", "exposure-molar", 1e-9),
        Unit("ng*h/mL", "kkg:NanogramHourPerMilliliter", "nanogram hour per milliliter", "exposure-mass", 1e-9),
        Unit("count", "kkg:Count", "count", "count", 1.0),
    ]
}

_CONC = ("molar", "mass-concentration")
MEASURES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    # key: (IRI CURIE or kkg:, label, allowed unit dimensions)
    "Ki": ("kkg:Ki", "inhibition constant (Ki)", _CONC),
    "Kd": ("OBI:0001536", "equilibrium dissociation constant (Kd)", _CONC),
    "IC50": ("OBI:0001191", "half maximal inhibitory concentration (IC50)", _CONC),
    "EC50": ("OBI:0001180", "half maximal effective concentration (EC50)", _CONC),
    "Emax": ("kkg:Emax", "maximal effect (Emax)", ("fraction",)),
    "KI": ("kkg:KIInactivation", "inactivation constant (KI)", _CONC),
    "kinact": ("kkg:Kinact", "maximal inactivation rate (kinact)", ("rate",)),
    "kdeg": ("kkg:Kdeg", "enzyme degradation rate constant (kdeg)", ("rate",)),
    "Km": ("kkg:Km", "Michaelis constant (Km)", _CONC),
    "Vmax": ("kkg:Vmax", "maximal velocity (Vmax)", ("rate", "count")),
    "CLint": ("kkg:CLint", "intrinsic clearance", ("intrinsic-clearance", "flow", "flow-per-weight")),
    "percent-inhibition": ("DIDEO:00000170", "percent inhibition", ("fraction",)),
    "AUC": ("DIDEO:00000046", "pharmacokinetic area under curve", ("exposure-molar", "exposure-mass")),
    "AUC-ratio": ("DIDEO:00000093", "area under the curve ratio", ("ratio",)),
    "Cmax": ("DIDEO:00000038", "maximum concentration (Cmax)", _CONC),
    "Cmax-ratio": ("DIDEO:00000099", "maximum concentration ratio", ("ratio",)),
    "Tmax": ("kkg:Tmax", "time to maximum concentration (Tmax)", ("time",)),
    "t-half": ("OBI:0001171", "half life (t1/2)", ("time",)),
    "CL": ("DIDEO:00000089", "clearance", ("flow", "flow-per-weight")),
    "CL/F": ("kkg:ApparentClearance", "apparent oral clearance (CL/F)", ("flow", "flow-per-weight")),
    "Vd": ("kkg:VolumeOfDistribution", "volume of distribution", ("volume-per-weight", "volume")),
    "Vd/F": ("kkg:ApparentVolumeOfDistribution", "apparent volume of distribution (Vd/F)",
             ("volume-per-weight", "volume")),
    "fu": ("kkg:FractionUnbound", "fraction unbound in plasma", ("fraction",)),
    "Iu-inlet": ("kkg:UnboundHepaticInletConcentration", "unbound hepatic inlet concentration (Iinlet,u)", _CONC),
    "Fg": ("kkg:IntestinalAvailability", "intestinal availability (Fg)", ("fraction",)),
    "F": ("kkg:Bioavailability", "oral bioavailability (F)", ("fraction",)),
    "content": ("kkg:Content", "content in material", ("content", "fraction", "mass", "mass-concentration")),
    "dose": ("kkg:Dose", "dose", ("mass", "dose-per-weight")),
    "prevalence": ("kkg:Prevalence", "proportion of respondents or cases", ("fraction",)),
    "odds-ratio": ("kkg:OddsRatio", "odds ratio", ("ratio",)),
    "count": ("kkg:CountMeasure", "number of cases", ("count",)),
}

# Measures whose concentration values are also given as negative log molar (pKi, pIC50, ...).
P_MEASURES: dict[str, str] = {"Ki": "pKi", "Kd": "pKd", "IC50": "pIC50", "EC50": "pEC50"}

SOURCE_TYPES: dict[str, tuple[str, str]] = {
    # key: (kkg class, Biolink class)
    "journal-article": ("JournalArticle", "Article"),
    "review": ("ReviewArticle", "Article"),
    "systematic-review": ("SystematicReviewArticle", "Article"),
    "preprint": ("Preprint", "Publication"),
    "book-chapter": ("BookChapter", "Publication"),
    "clinical-trial-record": ("TrialRecord", "Study"),
    "drug-label": ("DrugLabelDocument", "DrugLabel"),
    "guidance": ("GuidanceDocument", "InformationContentEntity"),
    "regulatory-document": ("RegulatoryDocument", "InformationContentEntity"),
    "web-page": ("WebPage", "InformationContentEntity"),
    "promotional-article": ("PromotionalArticle", "InformationContentEntity"),
    "dataset": ("DatasetSource", "InformationContentEntity"),
}

READ_LEVELS = ("abstract", "full-text")
POLARITIES = ("affirmed", "negated")
STATS = ("mean", "median", "geometric-mean", "single", "range")
SEVERITIES = ("major", "moderate", "minor", "unknown")
MECHANISMS: dict[str, tuple[str, str]] = {
    # key: (label, kind: pk | pd | unknown)
    "pk-enzyme-inhibition": ("enzyme inhibition", "pk"),
    "pk-enzyme-induction": ("enzyme induction", "pk"),
    "pk-transporter-inhibition": ("transporter inhibition", "pk"),
    "pd-additive-cns-depression": ("additive CNS depression", "pd"),
    "pd-additive-respiratory-depression": ("additive respiratory depression", "pd"),
    "pd-opioid-agonism": ("additive opioid agonism", "pd"),
    "pd-opioid-antagonism": ("opioid antagonism / precipitated withdrawal", "pd"),
    "pd-serotonergic": ("serotonergic", "pd"),
    "pd-stimulant": ("additive stimulant / sympathomimetic", "pd"),
    "unknown": ("unknown mechanism", "unknown"),
}
ACTION_TYPES = (
    "ban", "scheduling", "advisory", "import-alert", "warning-letter", "seizure", "recall", "review",
    "notice-of-intent", "withdrawal-of-notice", "consumer-protection-act", "recommendation", "legislation",
)
ACTION_STATUSES = ("confirmed", "unchecked")
QUALIFIER_KEYS = (
    "pathway", "efficacy", "enzyme", "product", "dose", "route", "population", "species",
    "inhibition_type", "strength", "note", "duration", "comparator", "outcome",
)
STRENGTHS = ("sensitive", "moderate-sensitive", "major", "minor", "strong", "moderate", "weak")

# CURIE patterns for external identifiers (Bioregistry prefixes).
XREF_PATTERNS: dict[str, str] = {
    "CHEBI": r"^\d+$",
    "PUBCHEM.COMPOUND": r"^\d+$",
    "CAS": r"^\d{2,7}-\d{2}-\d$",
    "UNII": r"^[0-9A-Z]{10}$",
    "INCHIKEY": r"^[A-Z]{14}-[A-Z]{10}-[A-Z]$",
    "UNIPROT": r"^([OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9]([A-Z][A-Z0-9]{2}[0-9]){1,2})$",
    "HGNC": r"^\d{1,6}$",
    "NCBIGENE": r"^\d+$",
    "NCBITAXON": r"^\d+$",
    "MONDO": r"^\d{7}$",
    "HP": r"^\d{7}$",
    "MESH": r"^[CD]\d{6,9}$",
    "DRUGBANK": r"^DB\d{5}$",
    "RXNORM": r"^\d+$",
    "CHEMBL.COMPOUND": r"^CHEMBL\d+$",
    "DOID": r"^\d+$",
    "UMLS": r"^C\d{7}$",
    "ATC": r"^[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?$",
    "WIKIDATA": r"^Q\d+$",
}

SOURCE_ID_PATTERNS: dict[str, str] = {
    "pmid": r"^\d{1,9}$",
    "pmcid": r"^PMC\d+$",
    "doi": r"^10\.\d{4,9}/\S+$",
    "nct": r"^NCT\d{8}$",
    "url": r"^https?://\S+$",
    "sha256": r"^[0-9a-f]{64}$",
}

ID_PATTERN = r"^[a-z0-9][a-z0-9.-]*$"
ISO3166_PATTERN = r"^([A-Z]{2}(-[A-Z0-9]{1,3})?|INT)$"  # INT: international bodies (WHO, UN)
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"

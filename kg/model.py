"""Typed records of the curated data.

Pydantic models with ``extra="forbid"``: a misspelt field is an error, not silently dropped data.
Cross-record checks (references resolve, predicate fits subject and object types) live in
:mod:`kg.load`, which sees all records at once.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from kg import terms

Id = Annotated[str, Field(pattern=terms.ID_PATTERN)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Id


def _check_xref(curie: str) -> str:
    if ":" not in curie:
        raise ValueError(f"xref {curie!r} is not a CURIE (PREFIX:local)")
    prefix, local = curie.split(":", 1)
    pattern = terms.XREF_PATTERNS.get(prefix)
    if pattern is None:
        allowed = ", ".join(sorted(terms.XREF_PATTERNS))
        raise ValueError(f"xref {curie!r}: unknown prefix {prefix!r}; allowed: {allowed}")
    if not re.match(pattern, local):
        raise ValueError(f"xref {curie!r}: local part does not match {prefix} pattern {pattern}")
    return curie


class Entity(Record):
    label: str = Field(min_length=1)
    synonyms: list[str] = []
    xrefs: list[str] = []
    description: str | None = None
    sources: list[Id] = []
    # type-specific fields, checked against the entity type by the loader
    kind: str | None = None
    classes: list[Id] = []
    natural_product: Id | None = None
    form: str | None = None

    @field_validator("xrefs")
    @classmethod
    def _xrefs(cls, value: list[str]) -> list[str]:
        for curie in value:
            _check_xref(curie)
        if len(set(value)) != len(value):
            raise ValueError("duplicate xref")
        return value


class Study(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    design: str | None = None
    n: int | None = Field(default=None, ge=0)
    species: Id | None = None
    population: str | None = None
    funding: str | None = None
    coi: str | None = None


class Source(Record):
    type: str
    title: str = Field(min_length=1)
    authors: str | None = None
    year: int | None = Field(default=None, ge=1800, le=2100)
    venue: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    doi: str | None = None
    nct: str | None = None
    url: str | None = None
    sha256: str | None = None
    read: str | None = None
    accessed: dt.date | None = None
    study: Study | None = None

    @field_validator("pmid", "pmcid", "doi", "nct", "url", "sha256", mode="before")
    @classmethod
    def _as_str(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value

    @model_validator(mode="after")
    def _check(self) -> Source:
        if self.type not in terms.SOURCE_TYPES:
            raise ValueError(f"type {self.type!r} unknown; allowed: {', '.join(terms.SOURCE_TYPES)}")
        if self.read is not None and self.read not in terms.READ_LEVELS:
            raise ValueError(f"read {self.read!r} unknown; allowed: {', '.join(terms.READ_LEVELS)}")
        for name, pattern in terms.SOURCE_ID_PATTERNS.items():
            value = getattr(self, name)
            if value is not None and not re.match(pattern, value):
                raise ValueError(f"{name} {value!r} does not match {pattern}")
        locators = [self.pmid, self.doi, self.nct, self.url]
        if self.type == "promotional-article":
            locators.append(self.sha256)
        if not any(locators):
            raise ValueError("a source needs a pmid, doi, nct or url (a promotional article may use sha256)")
        return self


class Measurement(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    measure: str
    value: float | None = None  # may be omitted when only a range is reported
    unit: str
    sd: float | None = Field(default=None, ge=0)
    sem: float | None = Field(default=None, ge=0)
    ci_low: float | None = None
    ci_high: float | None = None
    ci_level: float | None = Field(default=None, gt=0, lt=100)
    range_low: float | None = None
    range_high: float | None = None
    stat: str | None = None
    n: int | None = Field(default=None, ge=0)
    assay: str | None = None
    species: Id | None = None

    @model_validator(mode="after")
    def _check(self) -> Measurement:
        if self.measure not in terms.MEASURES:
            raise ValueError(f"measure {self.measure!r} unknown; allowed: {', '.join(terms.MEASURES)}")
        unit = terms.UNITS.get(self.unit)
        if unit is None:
            raise ValueError(f"unit {self.unit!r} unknown; allowed: {', '.join(terms.UNITS)}")
        dims = terms.MEASURES[self.measure][2]
        if unit.dimension not in dims:
            ok = [u.key for u in terms.UNITS.values() if u.dimension in dims]
            raise ValueError(f"unit {self.unit!r} does not fit measure {self.measure}; use one of: {', '.join(ok)}")
        if self.value is None and self.range_low is None:
            raise ValueError("give value (or range_low and range_high when only a range is reported)")
        for name in ("value", "range_low", "range_high", "ci_low", "ci_high"):
            number = getattr(self, name)
            if number is not None and number < 0:
                raise ValueError(f"{name} {number} is negative")
        if self.stat is not None and self.stat not in terms.STATS:
            raise ValueError(f"stat {self.stat!r} unknown; allowed: {', '.join(terms.STATS)}")
        if (self.ci_low is None) != (self.ci_high is None):
            raise ValueError("give both ci_low and ci_high")
        if self.ci_low is not None and self.ci_high is not None and self.ci_low > self.ci_high:
            raise ValueError("ci_low is above ci_high")
        if (self.range_low is None) != (self.range_high is None):
            raise ValueError("give both range_low and range_high")
        if self.range_low is not None and self.range_high is not None and self.range_low > self.range_high:
            raise ValueError("range_low is above range_high")
        return self


class Claim(Record):
    subject: Id
    predicate: str
    object: Id
    polarity: Literal["affirmed", "negated"]
    evidence: str
    source: Id
    statement: str = Field(min_length=10)
    locator: str | None = None
    qualifiers: dict[str, str | int | float] = {}
    measurement: Measurement | None = None
    curator: str | None = None
    curated: dt.date | None = None

    @model_validator(mode="after")
    def _check(self) -> Claim:
        if self.predicate not in terms.PREDICATES:
            raise ValueError(f"predicate {self.predicate!r} unknown; allowed: {', '.join(terms.PREDICATES)}")
        if self.evidence not in terms.EVIDENCE:
            raise ValueError(f"evidence {self.evidence!r} unknown; allowed: {', '.join(terms.EVIDENCE)}")
        for key in self.qualifiers:
            if key not in terms.QUALIFIER_KEYS:
                raise ValueError(f"qualifier {key!r} unknown; allowed: {', '.join(terms.QUALIFIER_KEYS)}")
        strength = self.qualifiers.get("strength")
        if strength is not None and strength not in terms.STRENGTHS:
            raise ValueError(f"strength {strength!r} unknown; allowed: {', '.join(terms.STRENGTHS)}")
        return self


class Interaction(Record):
    precipitant: Id
    object: Id
    mechanism: str
    target: Id | None = None
    effect: str = Field(min_length=3)
    severity: str
    claims: list[Id] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> Interaction:
        if self.mechanism not in terms.MECHANISMS:
            raise ValueError(f"mechanism {self.mechanism!r} unknown; allowed: {', '.join(terms.MECHANISMS)}")
        if self.severity not in terms.SEVERITIES:
            raise ValueError(f"severity {self.severity!r} unknown; allowed: {', '.join(terms.SEVERITIES)}")
        if terms.MECHANISMS[self.mechanism][1] == "pk" and self.target is None:
            raise ValueError("a pharmacokinetic mechanism needs a target (the enzyme or transporter)")
        return self


class RegulatoryAction(Record):
    date: str
    agency: str
    jurisdiction: str
    action_type: str
    subjects: list[Id] = Field(min_length=1)
    document: str
    document_id: str | None = None
    source: Id
    summary: str = Field(min_length=10)
    status: str

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: object) -> object:
        if isinstance(value, (dt.date, int)):
            return str(value)
        return value

    @model_validator(mode="after")
    def _check(self) -> RegulatoryAction:
        if not re.match(terms.DATE_PATTERN, self.date):
            raise ValueError(f"date {self.date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        if not re.match(terms.ISO3166_PATTERN, self.jurisdiction):
            raise ValueError(f"jurisdiction {self.jurisdiction!r} is not an ISO 3166 code (US, US-AL) or INT")
        if self.action_type not in terms.ACTION_TYPES:
            raise ValueError(f"action_type {self.action_type!r} unknown; allowed: {', '.join(terms.ACTION_TYPES)}")
        if self.status not in terms.ACTION_STATUSES:
            raise ValueError(f"status {self.status!r} unknown; allowed: {', '.join(terms.ACTION_STATUSES)}")
        return self

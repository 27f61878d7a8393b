"""Program figures computed from data, never typed by hand.

Counts come from public profiles only: an alumnus who has not agreed to be
published is not counted either, because small counts (one exporter from a
regency to one country) can point at a person. Program outcomes come from the
program files, each with its source.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..privacy import PublicProfile
from ..reference.catalogues import SECTORS


@dataclass(frozen=True)
class Series:
    """One chart: a title, labelled counts, and what the numbers count.

    ``rest`` is what a top-N chart left out, as (how many labels, their total):
    it is told in words under the chart, never drawn as a bar of its own,
    because "other countries" is not a country.
    """

    id: str
    title: str
    unit: str
    rows: tuple[tuple[str, int], ...]
    rest: tuple[int, int] | None = None
    rest_noun: str = ""

    @property
    def maximum(self) -> int:
        return max((v for _, v in self.rows), default=0)

    @property
    def bars(self) -> tuple[tuple[str, int, float], ...]:
        """(label, value, bar width in % of the longest bar); a zero is drawn as no bar."""
        top = self.maximum
        return tuple((label, value, round(100 * value / top, 1) if top else 0.0) for label, value in self.rows)


@dataclass(frozen=True)
class Figures:
    exporters: int
    provinces: int
    countries: int
    first_exports: int
    ambassadors: int
    by_province: Series
    by_sector: Series
    by_country: Series
    by_first_export_year: Series
    by_cohort_year: Series


def _series(id_: str, title: str, unit: str, counts: Counter, *, order_by_label: bool = False, top: int | None = None,
            rest_noun: str = "") -> Series:
    if order_by_label:
        rows = sorted(counts.items())
    else:
        rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    rest = None
    if top is not None and len(rows) > top:
        rest = (len(rows) - top, sum(v for _, v in rows[top:]))
        rows = rows[:top]
    return Series(id_, title, unit, tuple((str(k), v) for k, v in rows), rest, rest_noun)


def _every_year(counts: Counter) -> Counter:
    """Years between the first and the last with a count, a year without any shown as 0."""
    if not counts:
        return counts
    full = Counter({year: 0 for year in range(min(counts), max(counts) + 1)})
    full.update(counts)
    return full


def compute(profiles: list[PublicProfile]) -> Figures:
    countries = Counter(d.country.name for p in profiles for d in {x.country.code: x for x in p.destinations}.values())
    first_years = Counter(p.first_export_year for p in profiles if p.first_export_year)
    cohort_years = Counter(p.cohort_year for p in profiles if p.cohort_year)
    first_exports = sum(first_years.values())
    return Figures(
        exporters=len(profiles),
        provinces=len({p.province for p in profiles}),
        countries=len(countries),
        first_exports=first_exports,
        ambassadors=sum(1 for p in profiles if p.ambassador),
        by_province=_series("provinsi", "Eksportir per provinsi", "eksportir", Counter(p.province for p in profiles)),
        by_sector=_series("sektor", "Eksportir per sektor", "eksportir", Counter(SECTORS[p.sector] for p in profiles)),
        by_country=_series("negara", "Eksportir per negara tujuan", "eksportir", countries, top=15,
                           rest_noun="negara"),
        by_first_export_year=_series("ekspor-perdana", "Ekspor perdana per tahun", "ekspor perdana", _every_year(first_years),
                                      order_by_label=True),
        by_cohort_year=_series("angkatan", "Alumni per tahun angkatan", "alumni", _every_year(cohort_years), order_by_label=True),
    )

"""Export price arithmetic in Python, twin of docs/assets/javascripts/harga-ekspor.js.

The calculator in the browser is the JavaScript module; this twin exists so
the build can write the price-sheet template's example values (shown by phone
viewers that do not recalculate) and fill the calculator's example inputs from
one place. Tests hold both to the module's worked example and to each other.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

COVER = 1.1
"""Incoterms 2020: insurance of at least 110 % of the contract value."""

@dataclass(frozen=True)
class PriceInputs:
    """Amounts in rupiah except ``freight_usd``; percentages as percent."""

    quantity: float
    production_cost: float
    local_export_cost: float
    margin_percent: float
    inland_transport: float
    document_cost: float
    port_cost: float
    exchange_rate: float
    freight_usd: float
    insurance_percent: float
    insurance_percent_cip: float
    stress_rate: float
    unit: str = "kg"


@dataclass(frozen=True)
class PriceResult:
    total_cost: float
    margin: float
    usd: dict[str, float] = field(default_factory=dict)  # unrounded


WORKED_EXAMPLE = PriceInputs(
    quantity=2000, production_cost=61_200_000, local_export_cost=6_000_000, margin_percent=20,
    inland_transport=3_500_000, document_cost=1_750_000, port_cost=3_300_000, exchange_rate=16_500,
    freight_usd=450, insurance_percent=0.3, insurance_percent_cip=0.3, stress_rate=16_000,
)
"""The price module's example: 2,000 kg of palm sugar, FOB Semarang, CIF Rotterdam."""


def compute(m: PriceInputs) -> PriceResult:
    total = m.production_cost + m.local_export_cost
    margin = total * m.margin_percent / 100
    exw_rp = total + margin
    fca_rp = exw_rp + m.inland_transport + m.document_cost
    fob_rp = fca_rp + m.port_cost
    usd = {"EXW": exw_rp / m.exchange_rate, "FCA": fca_rp / m.exchange_rate, "FOB": fob_rp / m.exchange_rate}
    usd["CFR"] = usd["FOB"] + m.freight_usd
    usd["CIF"] = usd["CFR"] / (1 - COVER * m.insurance_percent / 100)
    usd["CIP"] = usd["CFR"] / (1 - COVER * m.insurance_percent_cip / 100)
    return PriceResult(total, margin, usd)


def cents(x: float) -> float:
    return math.floor(x * 100 + 0.5 + 1e-9) / 100


def cents_up(x: float) -> float:
    """Per-unit prices are rounded up to the next cent, as the module does."""
    return math.ceil(round(x * 100, 4)) / 100

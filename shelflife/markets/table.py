"""The rule table of every shipped market, for documentation (``docs/markets.md``)."""

from __future__ import annotations

from typing import Any

from .data import list_markets

__all__ = ["rules_table", "rules_markdown"]


def rules_table() -> list[dict[str, Any]]:
    """One row per rule of every shipped market.

    Returns
    -------
    list of dict
        ``market``, ``rule``, ``kind``, ``verified``, ``sources`` (list of URLs), ``note``.
    """
    rows = []
    for market in list_markets():
        for name, rule in market.rule_items():
            rows.append(
                {
                    "market": market.code,
                    "rule": name,
                    "kind": rule.kind,
                    "verified": rule.verified,
                    "sources": list(rule.sources),
                    "note": rule.note or "",
                }
            )
    return rows


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def rules_markdown() -> str:
    """The rule table as Markdown, one section per market (generated, do not edit by hand)."""
    out: list[str] = []
    for market in list_markets():
        r = market.rules
        out += [
            f"### {market.name} (`{market.code}`)",
            "",
            f"Rules version {r.version}, reviewed {r.reviewed.isoformat()}; label languages: "
            f"{', '.join(r.languages)}.",
            "",
            "| rule | kind | verified | sources | note |",
            "|---|---|---|---|---|",
        ]
        for name, rule in market.rule_items():
            sources = "<br>".join(f"<{u}>" for u in rule.sources)
            out.append(
                f"| {_cell(name)} | {rule.kind} | {'yes' if rule.verified else 'no'} | "
                f"{sources} | {_cell(rule.note or '')} |"
            )
        out.append("")
    return "\n".join(out).rstrip() + "\n"

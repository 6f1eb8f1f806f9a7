"""Topic message catalogues merged into :data:`shelflife.messages.MESSAGES`.

Each module here defines ``MESSAGES`` with the shape of the merged catalogue
(``code -> {"en": (what, fix), "id": (what, fix)}``). Keeping a topic's messages beside
each other lets the topic grow without touching the other topics. Codes must be unique
across all catalogues (a test checks it).
"""

from __future__ import annotations

#: Topic modules merged, in order (the order of :data:`shelflife.messages.MESSAGES`).
TOPICS = (
    "units",
    "profiles",
    "sheets",
    "protocols",
    "fitting",
    "diagnostics",
    "outputs",
    "q1e",
    "library",
    "uncertainty",
    "comparison",
    "design",
    "protocol_check",
    "loggers",
    "markets",
    "routes",
    "histories",
    "critical",
    "packaging",
    "protocols_moisture",
    "moisture",
    "microbial",
    "sensory",
    "report",
    "batch",
    "fuzz",
    "readers",
)

"""Topic message catalogues merged into :data:`shelflife.messages.MESSAGES`.

Each module here defines ``MESSAGES`` with the same shape as the main catalogue
(``code -> {"en": (what, fix), "id": (what, fix)}``). Keeping a topic's messages beside
each other lets the topic grow without touching the main file. Codes must be unique across
all catalogues (a test checks it).
"""

from __future__ import annotations

#: Topic modules merged, in order.
TOPICS = (
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

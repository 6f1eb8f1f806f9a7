"""Screenshots of the durability report for the README.

Run from the repository root::

    python scripts/report_screenshots.py              # docs/img/report-en.png, report-id.png
    python scripts/report_screenshots.py --browser /usr/bin/chromium --out docs/img

It analyses the bundled example (``sample_data/keripik-tempe``), writes its report in English
and Bahasa Indonesia to a temporary folder, photographs the first screen (1000 × 1400 px) with
headless Chromium, and saves each picture as an optimised palette PNG (well under 300 KB).
Nothing is downloaded; the browser runs without network, sync or extensions.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STUDY = ROOT / "sample_data" / "keripik-tempe"
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
WINDOW = (1000, 1400)
#: Largest file size allowed [byte].
MAX_BYTES = 300_000


def find_browser(explicit: str | None = None) -> str:
    """The Chromium binary to use: ``explicit``, or the first one found on PATH."""
    if explicit:
        return explicit
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    sys.exit(f"no Chromium found (tried {', '.join(BROWSERS)}); pass --browser PATH")


def screenshot(browser: str, page: Path, png: Path, profile: Path) -> None:
    """Photograph the first screen of ``page`` into ``png`` with headless Chromium."""
    cmd = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        "--virtual-time-budget=5000",
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
        f"--user-data-dir={profile}",
        f"--screenshot={png}",
        page.as_uri(),
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    if not png.is_file():
        sys.exit(f"Chromium wrote no screenshot for {page}")


def optimise(src: Path, dst: Path, colours: int = 128) -> int:
    """Save ``src`` as a palette PNG at ``dst``; returns the size [byte]."""
    from PIL import Image

    with Image.open(src) as im:
        rgb = im.convert("RGB")
    small = rgb.quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    dst.parent.mkdir(parents=True, exist_ok=True)
    small.save(dst, format="PNG", optimize=True)
    return dst.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browser", help="path of the Chromium binary")
    parser.add_argument("--out", default=str(ROOT / "docs" / "img"), help="output folder")
    args = parser.parse_args(argv)
    browser = find_browser(args.browser)

    import shelflife as sl

    analysis = sl.analyze(sl.read_study(STUDY), emit_warnings=False)
    out = Path(args.out)
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("en", "id"):
            page = Path(tmp) / f"report-{lang}.html"
            page.write_text(analysis.report(lang=lang), encoding="utf-8")
            raw = Path(tmp) / f"raw-{lang}.png"
            screenshot(browser, page, raw, Path(tmp) / f"profile-{lang}")
            size = optimise(raw, out / f"report-{lang}.png")
            print(f"{out / f'report-{lang}.png'}: {size / 1000:.0f} kB")
            if size > MAX_BYTES:
                sys.exit(f"{out / f'report-{lang}.png'} is larger than {MAX_BYTES} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The result of a batch run: :class:`BatchResult`."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..messages import render

__all__ = ["BatchResult"]


@dataclass(frozen=True)
class BatchResult:
    """What :func:`~shelflife.batch.run_batch` did, with its tables.

    Attributes
    ----------
    root, out : str
        Input folder of studies and output folder (absolute).
    table : pandas.DataFrame
        The summary table (``summary.csv``): one row per study, attribute and storage
        temperature, columns :data:`shelflife.batch.work.ROW_FIELDS`.
    errors : pandas.DataFrame
        One row per failed study (``errors.csv``): folder, study, code, message, file, row,
        column, key.
    skipped : pandas.DataFrame
        Files and folders under the root that are not part of a study: path, kind, code,
        message.
    notices : tuple of dict
        Batch-level notices, e.g. ``{"code": "batch_duplicate_name", "name": ...,
        "folders": [...], "message": ...}``.
    n_studies, n_ok, n_failed : int
        Study folders found; analysed without error; failed.
    n_reused, n_analysed, n_removed : int
        Studies taken unchanged from the previous run; analysed in this run; dropped from
        the outputs because their folder is gone.
    elapsed_s : float
        Wall time of the run [s].
    executor : str
        Where the studies ran (e.g. ``"2 local worker processes"``).
    outputs : dict
        Output name -> path (``summary.csv``, ``summary.parquet``, ``errors.csv``,
        ``manifest.json``, ``studies``).
    lang : str
        Language of the messages.
    """

    root: str
    out: str
    table: pd.DataFrame = field(repr=False)
    errors: pd.DataFrame = field(repr=False)
    skipped: pd.DataFrame = field(repr=False)
    notices: tuple[dict[str, Any], ...] = ()
    n_studies: int = 0
    n_ok: int = 0
    n_failed: int = 0
    n_reused: int = 0
    n_analysed: int = 0
    n_removed: int = 0
    elapsed_s: float = 0.0
    executor: str = ""
    outputs: dict[str, str] = field(default_factory=dict)
    lang: str = "en"

    @property
    def n_skipped(self) -> int:
        """Number of skipped files and folders."""
        return len(self.skipped)

    @property
    def exit_code(self) -> int:
        """0 when every study was analysed without error, 1 when some failed."""
        return 1 if self.n_failed else 0

    def summary(self, lang: str | None = None, *, max_errors: int = 20) -> str:
        """Plain-text summary: counts, failed studies, notices and output paths.

        Parameters
        ----------
        lang : {"en", "id"}, optional
            Language (default: the run's).
        max_errors : int, optional
            Failed studies listed before "... and N more".
        """
        lang = lang or self.lang

        def text(code: str, **kw: Any) -> str:
            return render(code, lang, **kw)[0]

        seconds = f"{self.elapsed_s:.1f}"
        if lang == "id":
            seconds = seconds.replace(".", ",")
        lines = [
            text(
                "batch_text_summary",
                total=self.n_studies,
                ok=self.n_ok,
                failed=self.n_failed,
                reused=self.n_reused,
                removed=self.n_removed,
                skipped=self.n_skipped,
                seconds=seconds,
            )
        ]
        if self.n_failed:
            lines.append(text("batch_text_failed", path=self.outputs.get("errors.csv", "")))
            for row in self.errors.head(max_errors).itertuples(index=False):
                first = str(row.message).splitlines()[0] if row.message else ""
                lines.append(f"  {row.folder}: [{row.code}] {first}")
            if self.n_failed > max_errors:
                lines.append("  " + text("batch_text_more", n=self.n_failed - max_errors))
        if self.notices:
            lines.append(text("batch_text_notices"))
            for n in self.notices:
                lines.append(f"  ! {n['message'][lang]}")
        if self.n_skipped:
            lines.append(text("batch_text_skipped"))
            for row in self.skipped.head(max_errors).itertuples(index=False):
                lines.append(f"  {row.path}: {row.message}")
            if self.n_skipped > max_errors:
                lines.append("  " + text("batch_text_more", n=self.n_skipped - max_errors))
        for name in ("summary.csv", "summary.parquet", "errors.csv", "studies"):
            if name in self.outputs:
                lines.append(text("batch_text_written", path=self.outputs[name]))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready description: counts, paths, errors, skipped entries and notices."""
        errors = self.errors.astype(object).where(self.errors.notna(), None)
        return {
            "root": self.root,
            "out": self.out,
            "executor": self.executor,
            "elapsed_s": self.elapsed_s,
            "counts": {
                "studies": self.n_studies,
                "ok": self.n_ok,
                "failed": self.n_failed,
                "reused": self.n_reused,
                "analysed": self.n_analysed,
                "removed": self.n_removed,
                "skipped": self.n_skipped,
            },
            "outputs": dict(self.outputs),
            "errors": errors.to_dict(orient="records"),
            "skipped": self.skipped.to_dict(orient="records"),
            "notices": [dict(n) for n in self.notices],
        }

    def _repr_html_(self) -> str:
        counts = (
            f"<b>{self.n_studies}</b> studies: <b>{self.n_ok}</b> ok, "
            f"<b>{self.n_failed}</b> failed, {self.n_reused} reused, "
            f"{self.n_skipped} skipped ({self.elapsed_s:.1f} s, {html.escape(self.executor)})"
        )
        parts = [f"<p>shelflife batch <code>{html.escape(self.root)}</code>: {counts}</p>"]
        parts.append(self.table.head(10).to_html(index=False, na_rep=""))
        if self.n_failed:
            cols = ["folder", "code", "message"]
            parts.append(self.errors[cols].head(10).to_html(index=False, na_rep=""))
        return "\n".join(parts)

    def common_temperature(self) -> float | None:
        """The storage temperature most studies report [°C] (ties: the lowest)."""
        t = self.table
        if t.empty:
            return None
        per_study = t[["folder", "temperature_degC"]].drop_duplicates()
        counts = per_study["temperature_degC"].value_counts()
        best = counts[counts == counts.max()].index
        return float(min(best))

    def limiting_shelf_lives(self, temperature: float | None = None) -> pd.Series:
        """Shelf life [day] of each study's limiting attribute at one storage temperature.

        Parameters
        ----------
        temperature : float, optional
            Storage temperature [°C]; default :meth:`common_temperature`.

        Returns
        -------
        pandas.Series
            Indexed by folder (studies without a result at that temperature are absent).
        """
        t = self.table
        if temperature is None:
            temperature = self.common_temperature()
        if temperature is None:
            return pd.Series(dtype=float, name="shelf_life_day")
        sel = t[t["limiting"] & (t["temperature_degC"] == temperature)]
        return sel.groupby("folder", sort=True)["shelf_life_day"].min()

    def plot(self, ax: Any = None, *, lang: str | None = None, bins: int | str = "auto"):
        """Histogram of the limiting shelf lives at the most common storage temperature.

        Parameters
        ----------
        ax : matplotlib.axes.Axes, optional
            Axes to draw on; a new figure is made when omitted.
        lang : {"en", "id"}, optional
            Language of the labels (default: the run's).
        bins : int or str, optional
            Passed to :meth:`matplotlib.axes.Axes.hist`.

        Returns
        -------
        matplotlib.axes.Axes
        """
        import numpy as np

        from ..plotting import _axes

        lang = lang or self.lang
        ax = _axes(ax)
        temperature = self.common_temperature()
        values = self.limiting_shelf_lives(temperature).to_numpy(dtype=float)
        values = values[np.isfinite(values)]
        if values.size:
            ax.hist(values, bins=bins, color="#0072B2", edgecolor="white")
        label = "?" if temperature is None else f"{temperature:g} °C"
        if lang == "id":
            label = label.replace(".", ",")
        ax.set_xlabel(render("batch_text_plot_x", lang, temperature=label)[0])
        ax.set_ylabel(render("batch_text_plot_y", lang)[0])
        return ax

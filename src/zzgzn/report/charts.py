"""Charts for the summary: timeliness per quarter (stacked bars), task progress (heat map).

Chinese labels must never render as boxes: the font comes from fonts.py (the system's CJK
font, else the Noto Sans CJK that zzgzn[office] installs).
"""

from __future__ import annotations

import io
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display here or in CI

from matplotlib import pyplot as plt
from matplotlib.colors import ListedColormap

from zzgzn.diagnostics.docwords import doc_label, doc_say, period_word
from zzgzn.report.fonts import cjk_font
from zzgzn.report.summarymodel import CampaignSummary

STATE_COLOURS = {
    "on_time": "#2e7d32",
    "late": "#f9a825",
    "invalid": "#8e24aa",
    "missing": "#c62828",
    "not_due": "#bdbdbd",
}
STATE_WORDS = {  # keys of diagnostics/docwords.py
    "on_time": "col-on-time",
    "late": "col-late",
    "invalid": "col-invalid",
    "missing": "col-missing",
    "not_due": "col-not-due",
}
LEVEL_COLOURS = ("#eeeeee", "#ef9a9a", "#fff59d", "#81c784")
DPI = 150


def _style() -> Any:  # matplotlib types rc keys as literals
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [cjk_font(), "DejaVu Sans"],
        "axes.unicode_minus": False,
        "svg.hashsalt": "zzgzn",
    }


def _png(figure: Any) -> bytes:
    out = io.BytesIO()
    # No software or date stamp: the same data gives the same bytes.
    figure.savefig(out, format="png", dpi=DPI, metadata={"Software": None}, bbox_inches="tight")
    plt.close(figure)
    return out.getvalue()


def timeliness_chart(summary: CampaignSummary, lang: str = "zh") -> bytes:
    with plt.rc_context(_style()):
        figure, axes = plt.subplots(figsize=(6.2, 3.4))
        if lang == "en":
            labels = [doc_label(q) for q in summary.quarters]
        else:
            labels = [q.label.replace("年第", "年\n第") for q in summary.quarters]
        bottom = [0] * len(summary.quarters)
        for state, colour in STATE_COLOURS.items():
            counts = [
                sum(s.state.value == state and s.required for s in q.states)
                for q in summary.statuses
            ]
            if not any(counts):
                continue
            bars = axes.bar(
                labels,
                counts,
                bottom=bottom,
                color=colour,
                label=doc_say(STATE_WORDS[state], lang),
                width=0.6,
            )
            axes.bar_label(
                bars, labels=[str(c) if c else "" for c in counts], label_type="center", fontsize=8
            )
            bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
        word = period_word(summary.quarters[0], lang)
        axes.set_ylabel(doc_say("chart-units", lang))
        axes.set_title(doc_say("summary-chart-timeliness", lang, word=word))
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=4, frameon=False)
        axes.spines[["top", "right"]].set_visible(False)
        return _png(figure)


def progress_chart(summary: CampaignSummary, lang: str = "zh") -> bytes:
    with plt.rc_context(_style()):
        timelines = summary.timelines
        figure, axes = plt.subplots(figsize=(6.2, 0.28 * len(timelines) + 1.6))
        grid = [list(t.levels) for t in timelines]
        axes.imshow(grid, cmap=ListedColormap(LEVEL_COLOURS), vmin=0, vmax=3, aspect="auto")
        axes.set_xticks(
            range(len(summary.quarters)), [str(q) for q in summary.quarters], fontsize=8
        )
        axes.set_yticks(
            range(len(timelines)), [f"{t.task.id} {t.task.title}" for t in timelines], fontsize=7
        )
        for row, timeline in enumerate(timelines):
            for column, level in enumerate(timeline.levels):
                level_word = doc_say(f"chart-level-{level}", lang)
                axes.text(column, row, level_word, ha="center", va="center", fontsize=6)
        word = period_word(summary.quarters[0], lang)
        axes.set_title(doc_say("summary-chart-progress", lang, word=word))
        axes.tick_params(length=0)
        return _png(figure)


CHARTS = {
    "timeliness": (timeliness_chart, "summary-chart-timeliness"),
    "progress": (progress_chart, "summary-chart-progress"),
}

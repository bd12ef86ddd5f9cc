"""The review on the static site: a badge per mapping (unreviewed, confirmed by N, disputed)
and the review figures per framework pair. Small functions ``publish/site.py`` calls; they
return HTML fragments (escaped) and read the merged view the store was loaded with."""

from __future__ import annotations

from collections import defaultdict
from html import escape

from ...model import ReviewStatus
from .merge import review_state
from .stats import review_stats


def badge_html(status: str, support: int) -> str:
    """The badge of one mapping in the merged view."""
    if status == ReviewStatus.CONFIRMED or status == ReviewStatus.CHANGED:
        text = f"confirmed by {support}" + (" (changed in review)" if status == "changed" else "")
        cls = "confirmed"
    elif status == ReviewStatus.DISPUTED:
        text, cls = "disputed", "disputed"
    else:
        text, cls = "unreviewed", "unreviewed"
    return f'<span class="badge review-{cls}" title="expert review">{escape(text)}</span>'


def review_badges(store) -> dict[str, str]:
    """Record CURIE -> its badge, for every record in force."""
    out = {}
    for claim in review_state(store).claims.values():
        if claim.record is not None:
            out[claim.record] = badge_html(str(claim.status), claim.support)
    return out


def review_figures_html(store) -> str:
    """Per framework pair: records, reviewed, confirmed, rejected, changed, unsure, disputed;
    then the agreement figures. Empty text when nobody has reviewed anything."""
    stats = review_stats(review_state(store).claims)
    if not stats.reviewers:
        return (
            "<h2>Expert review</h2><p>No mapping has been reviewed by a domain expert yet "
            "(<code>herstelgraph review</code>).</p>"
        )
    pairs: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * 7)
    for c in stats.counts:
        row = pairs[tuple(sorted((c.subject_framework, c.object_framework)))]  # type: ignore[index]
        for i, v in enumerate((c.records, c.reviewed, c.confirmed, c.rejected, c.changed,
                               c.unsure, c.disputed)):  # fmt: skip
            row[i] += v
    cells = "".join(
        f"<tr><td>{escape(a)} ↔ {escape(b)}</td>"
        + "".join(f"<td class='num'>{v}</td>" for v in row)
        + "</tr>"
        for (a, b), row in sorted(pairs.items())
    )
    agree = "".join(
        f"<li>{escape(x.measure)} ({escape(x.reviewers)}): "
        f"{'–' if x.value is None else f'{x.value:.3f}'} on {x.items} records"
        f"{' — ' + escape(x.note) if x.note else ''}</li>"
        for x in stats.agreement
    )
    return (
        f"<h2>Expert review</h2><p>{len(stats.reviewers)} reviewer(s), rubric "
        f"v{escape(stats.rubric_version)}. Rejected mappings are not counted above.</p>"
        "<table class='review-figures'><thead><tr><th>Pair</th><th class='num'>Records</th>"
        "<th class='num'>Reviewed</th><th class='num'>Confirmed</th><th class='num'>Rejected</th>"
        "<th class='num'>Changed</th><th class='num'>Unsure</th><th class='num'>Disputed</th>"
        f"</tr></thead><tbody>{cells}</tbody></table>"
        + (f"<ul class='review-agreement'>{agree}</ul>" if agree else "")
    )

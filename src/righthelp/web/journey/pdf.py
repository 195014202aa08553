"""'Download a PDF summary': the result as a short A4 document (reportlab, pure Python).

It holds what the result page shows (level, urgency, immediate action, reasons with their
source lines, evidence by domain, next steps, contacts, deadlines, the partnership's
questions and the caveat), never the practitioner's description. It is made on request and
not kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from righthelp.engine.decision import Decision
from righthelp.framework.schema import Pack
from righthelp.web.journey import present
from righthelp.web.journey.state import Journey

RED = colors.HexColor("#ca3535")
BLACK = colors.HexColor("#0b0c0c")


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle(
        "body",
        parent=base["BodyText"],
        fontName="Helvetica",
        fontSize=10,
        leading=13,
        textColor=BLACK,
    )
    return {
        "title": ParagraphStyle(
            "title", parent=body, fontName="Helvetica-Bold", fontSize=18, leading=22, spaceAfter=6
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName="Helvetica-Bold",
            fontSize=13,
            leading=16,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=body,
            fontName="Helvetica-Bold",
            fontSize=11,
            leading=14,
            spaceBefore=6,
            spaceAfter=2,
        ),
        "body": body,
        "small": ParagraphStyle(
            "small", parent=body, fontSize=8.5, leading=11, textColor=colors.HexColor("#484949")
        ),
        "alert": ParagraphStyle(
            "alert",
            parent=body,
            fontName="Helvetica-Bold",
            fontSize=12,
            leading=15,
            textColor=colors.white,
        ),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _bullets(items: Sequence[Flowable]) -> ListFlowable:
    entries: list[Any] = [ListItem(item, leftIndent=10) for item in items]
    return ListFlowable(
        entries,
        bulletType="bullet",
        start="•",
        leftIndent=10,
    )


def summary_pdf(pack: Pack, decision: Decision, journey: Journey) -> bytes:
    s = _styles()
    story: list[Flowable] = []
    if decision.immediate_action:
        banner = [[_p(line, s["alert"])] for line in decision.immediate_action]
        table = Table(banner, colWidths=[170 * mm])
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), RED),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        story += [table, Spacer(1, 6 * mm)]
    meta = pack.metadata
    if decision.level is None:
        story.append(_p(f"RightHelp cannot suggest a level for {meta.partnership}", s["title"]))
    else:
        story.append(_p(present.level_label(pack, decision.level), s["title"]))
    story.append(_p(f"Urgency: {present.URGENCY_TEXT[decision.urgency]}", s["body"]))
    story.append(
        _p(
            f"Framework: {meta.title}, {meta.partnership} ({meta.issued}); "
            f"pack {pack.id} {meta.version}",
            s["small"],
        )
    )
    when = timezone.localtime().strftime("%d %B %Y %H:%M")
    age = journey.effective_age
    story.append(
        _p(f"Made {when}. Child's age: {age if age is not None else 'not given'}.", s["small"])
    )

    story.append(_p("Why", s["h2"]))
    story.append(
        _bullets(
            [
                _p(r.text + (f" (source {r.source.label})" if r.source else ""), s["body"])
                for r in decision.reasons
            ]
        )
    )
    for warning in decision.warnings:
        story.append(_p(f"Check: {warning.text}", s["body"]))

    if decision.by_domain():
        story.append(_p("What was observed, by area", s["h2"]))
        for domain, matches in decision.by_domain():
            rows = [
                _p(
                    f"{present.level_label(pack, m.indicator.level)}"
                    f"{' (red flag)' if m.red_flag else ''}: {m.indicator.text} "
                    f"({m.indicator.source.label})",
                    s["body"],
                )
                for m in matches
            ]
            story.append(KeepTogether([_p(domain.name, s["h3"]), _bullets(rows)]))

    if decision.next_steps:
        story.append(_p("What to do next", s["h2"]))
        story.append(
            _bullets(
                [
                    _p(f"{step.text} ({step.source.label})", s["body"])
                    for step in decision.next_steps
                ]
            )
        )
    story.append(_p("Contacts", s["h2"]))
    for c in decision.contacts:
        hours = f" ({c.hours})" if c.hours else ""
        story.append(_p(f"{c.name}: {c.reach}{hours}. {c.purpose}", s["body"]))
    if decision.deadlines:
        story.append(_p("Deadlines", s["h2"]))
        story += [_p(d.describe(), s["body"]) for d in decision.deadlines]
    for guidance in present.judgement_questions(pack):
        story.append(_p(guidance.title, s["h2"]))
        story.append(_bullets([_p(item.text, s["body"]) for item in guidance.items]))
    story.append(Spacer(1, 4 * mm))
    story.append(_p(decision.caveat, s["h3"]))

    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title="RightHelp summary",
        author="RightHelp",
        subject="Level of need: decision support",
    )
    doc.build(story)
    return buffer.getvalue()

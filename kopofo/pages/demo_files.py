"""The demo's picture and document, made here: no photo or text is taken from elsewhere.

The home page shows the Geschäftsstelle's shop window the way the current site's photo is
described ("Schaufenster, dahinter eine Fensterbank mit Pflanzen und Broschüren des kopofo nrw
in Aufstellern"); the Satzung page offers a PDF of the Satzung's main points, marked as demo
content because the full text was not at hand.
"""

import io

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

RED = "#a3000d"
DARK_RED = "#7a000a"


def _font(size):
    # Pillow's own scalable font: no font file from the system, the same picture everywhere.
    return ImageFont.load_default(size=size)


def shop_window_jpeg(width=1600, height=1000):
    """A drawing of the office's shop window: plants and kopofo brochures in stands behind it."""
    canvas = Image.new("RGB", (width, height), "#e9e2d6")  # the house's plaster
    draw = ImageDraw.Draw(canvas)
    # The shop's fascia with the association's name.
    draw.rectangle((0, 0, width, 150), fill="#d9d0c1")
    draw.rectangle((160, 40, width - 160, 120), fill=RED)
    draw.text(
        (width // 2, 80),
        "kommunalpolitisches forum nrw e.V.",
        fill="white",
        font=_font(48),
        anchor="mm",
    )
    # Frame and glass: the glass darker towards the bottom, with a pale reflection.
    left, top, right, bottom = 120, 200, width - 120, 900
    draw.rectangle((left - 24, top - 24, right + 24, bottom + 24), fill="#3b3b3b")
    for row in range(top, bottom):
        shade = int(205 - 60 * (row - top) / (bottom - top))
        draw.line((left, row, right, row), fill=(shade - 25, shade - 5, shade + 10))
    draw.polygon(
        [(left + 80, top), (left + 260, top), (left + 40, bottom), (left, bottom - 140)],
        fill=(214, 228, 236),
    )
    draw.line((width // 2, top, width // 2, bottom), fill="#3b3b3b", width=16)
    # The windowsill inside.
    sill_top = 700
    draw.rectangle((left, sill_top, right, sill_top + 34), fill="#f3efe7")
    draw.rectangle((left, sill_top + 34, right, bottom), fill="#6b6259")
    # Plants in pots.
    for x in (230, 760, 1330):
        draw.rectangle((x - 55, sill_top - 110, x + 55, sill_top), fill="#b5653b")
        for dx, dy, radius in ((-70, -230, 70), (40, -270, 80), (0, -180, 75), (90, -190, 55)):
            cx, cy = x + dx, sill_top + dy
            draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill="#3f7d3a")
        draw.ellipse((x - 30, sill_top - 330, x + 40, sill_top - 250), fill="#5c9c4f")
    # Brochures in acrylic stands, the association's red among them.
    covers = [RED, "#f3efe7", DARK_RED, "#e0b44c", RED, "#f3efe7"]
    for index, x in enumerate((390, 520, 930, 1060, 1190, 1460)):
        if x + 100 > right:
            continue
        draw.polygon(
            [(x - 10, sill_top), (x + 110, sill_top), (x + 100, sill_top - 30), (x, sill_top - 30)],
            fill=(200, 214, 222),
        )
        cover = covers[index % len(covers)]
        draw.rectangle((x, sill_top - 230, x + 100, sill_top - 20), fill=cover)
        text = "white" if cover in (RED, DARK_RED) else DARK_RED
        draw.text((x + 50, sill_top - 190), "kopofo", fill=text, font=_font(24), anchor="mm")
        draw.text((x + 50, sill_top - 162), "nrw", fill=text, font=_font(24), anchor="mm")
        for line in range(3):
            y = sill_top - 120 + line * 22
            draw.line((x + 14, y, x + 86, y), fill=text, width=4)
    # The pavement in front.
    draw.rectangle((0, bottom + 24, width, height), fill="#9c968c")
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def satzung_pdf(points, *, purpose, purpose_source, notice):
    """A PDF of the Satzung's main points, headed by the notice that it is demo content."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2.5 * cm,
        rightMargin=2.5 * cm,
        topMargin=2.5 * cm,
        bottomMargin=2.5 * cm,
        title="Satzung des kommunalpolitischen forums nordrhein-westfalen e.V. (Demo)",
        author="kommunalpolitisches forum nrw e.V.",
        subject="Die wichtigsten Punkte der Satzung",
        lang="de-DE",
    )
    styles = getSampleStyleSheet()
    story = [
        Paragraph(
            "Satzung des kommunalpolitischen forums nordrhein-westfalen e.V.", styles["Title"]
        ),
        Paragraph(f"<b>{notice}</b>", styles["BodyText"]),
        Spacer(1, 0.5 * cm),
        Paragraph("§ 2 Zweck des Vereins", styles["Heading2"]),
        Paragraph(f"„{purpose}“", styles["BodyText"]),
        Paragraph(purpose_source, styles["Italic"]),
        Spacer(1, 0.5 * cm),
        Paragraph("Die wichtigsten Punkte", styles["Heading2"]),
        ListFlowable(
            [ListItem(Paragraph(point, styles["BodyText"])) for point in points],
            bulletType="bullet",
        ),
    ]
    document.build(story)
    return buffer.getvalue()

"""The half-year programme as a PDF, made with reportlab.

Two steps: `document_for(programme)` reads everything the PDF shows into a `ProgrammeDocument`
of plain values, whose `fingerprint` says whether a stored PDF is still the right one; `render`
makes the PDF from it and reads nothing else but the cover picture.
"""

import hashlib
import io
import json
import logging
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from itertools import groupby
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
)
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate
from reportlab.platypus.frames import Frame
from wagtail.rich_text import expand_db_html

from kopofo.site_url import absolute

from . import dates

logger = logging.getLogger(__name__)

#: Raise when the layout changes: every stored PDF is then built again.
LAYOUT_VERSION = 1
AUTHOR = "kommunalpolitisches forum nrw e.V."
#: The site's typeface, as static TrueType instances of static/fonts (fonts/README.md).
FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONTS = {
    "SourceSans3": "source-sans-3-regular.ttf",
    "SourceSans3-Bold": "source-sans-3-bold.ttf",
    "SourceSans3-Italic": "source-sans-3-italic.ttf",
}
#: The cover picture: large enough for print at A4 width, small enough for a mail attachment.
COVER_RENDITION = "max-1600x1000|format-jpeg|jpegquality-80"

BRAND = colors.HexColor("#a3000d")
INK = colors.HexColor("#1d1b1a")
MUTED = colors.HexColor("#57504a")
MARGIN = 20 * mm
FOOTER_HEIGHT = 14 * mm


@dataclass(frozen=True)
class EventEntry:
    month: str
    when: str
    title: str
    subtitle: str
    status: str
    place: str
    category: str
    number: str
    fees: str
    registration: str
    url: str


@dataclass(frozen=True)
class ProgrammeDocument:
    title: str
    period: str
    editorial: str
    signature: str
    #: (image id, file name, content hash), or None: what decides the cover picture.
    cover: tuple | None
    events: tuple[EventEntry, ...]
    address: tuple[str, ...]
    url: str

    @property
    def fingerprint(self) -> str:
        data = json.dumps([LAYOUT_VERSION, asdict(self)], sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(data.encode()).hexdigest()


def registration_hint(event, email):
    """What follows "Anmeldung:", as the event page says it."""
    if event.registration == event.Registration.EXTERNAL:
        return f"über {event.registration_url}"
    if event.registration == event.Registration.REQUIRED:
        office = f"per E-Mail an {email}" if email else "bei unserer Geschäftsstelle"
        return f"erforderlich, {office}, mit der Veranstaltungsnummer"
    return "nicht nötig"


def document_for(programme, events=None) -> ProgrammeDocument:
    """What the programme's PDF shows, read from the programme, its events and the settings."""
    from kopofo.pages.models import ContactSettings

    contact = ContactSettings.for_site(programme.get_site())
    events = programme.events() if events is None else events
    image = programme.image
    return ProgrammeDocument(
        title=programme.title,
        period=programme.period,
        editorial=expand_db_html(programme.editorial),
        signature=programme.signature,
        cover=(image.pk, image.file.name, image.file_hash) if image else None,
        events=tuple(
            EventEntry(
                month=dates.month_name(event.local_start),
                when=event.when,
                title=event.title,
                subtitle=event.subtitle,
                status="" if event.status == event.Status.PLANNED else event.get_status_display(),
                place=event.place,
                category=event.category.name,
                number=event.event_number,
                fees=event.fees_label,
                registration=registration_hint(event, contact.email),
                url=absolute(event.url),
            )
            for event in events
        ),
        address=tuple(
            part
            for part in (
                contact.organisation,
                contact.street,
                " ".join(p for p in (contact.postal_code, contact.city) if p),
                contact.phone and f"Telefon {contact.phone}",
                contact.email,
            )
            if part
        ),
        url=absolute(programme.url),
    )


# --- the PDF ---


def register_fonts():
    for name, filename in FONTS.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, FONT_DIR / filename))
    pdfmetrics.registerFontFamily(
        "SourceSans3",
        normal="SourceSans3",
        bold="SourceSans3-Bold",
        italic="SourceSans3-Italic",
        boldItalic="SourceSans3-Bold",
    )


def styles():
    base = ParagraphStyle(
        "body",
        fontName="SourceSans3",
        fontSize=10.5,
        leading=14.5,
        textColor=INK,
        alignment=TA_LEFT,
    )
    return {
        "body": base,
        "kicker": ParagraphStyle("kicker", base, fontSize=12, leading=16, textColor=MUTED),
        "cover_title": ParagraphStyle(
            "cover_title",
            base,
            fontName="SourceSans3-Bold",
            fontSize=36,
            leading=42,
            textColor=BRAND,
            spaceBefore=18 * mm,
            spaceAfter=4 * mm,
        ),
        "cover_period": ParagraphStyle("cover_period", base, fontSize=18, leading=24),
        "cover_address": ParagraphStyle("cover_address", base, fontSize=10, textColor=MUTED),
        "h1": ParagraphStyle(
            "h1",
            base,
            fontName="SourceSans3-Bold",
            fontSize=20,
            leading=25,
            textColor=BRAND,
            spaceAfter=4 * mm,
        ),
        "month": ParagraphStyle(
            "month",
            base,
            fontName="SourceSans3-Bold",
            fontSize=15,
            leading=19,
            textColor=BRAND,
            spaceBefore=6 * mm,
            spaceAfter=2 * mm,
        ),
        "when": ParagraphStyle("when", base, fontName="SourceSans3-Bold", textColor=MUTED),
        "title": ParagraphStyle(
            "title", base, fontName="SourceSans3-Bold", fontSize=13, leading=17, spaceBefore=1 * mm
        ),
        "subtitle": ParagraphStyle("subtitle", base, fontName="SourceSans3-Italic"),
        "fact": ParagraphStyle("fact", base, fontSize=9.5, leading=13, leftIndent=0),
        "signature": ParagraphStyle(
            "signature", base, fontName="SourceSans3-Italic", spaceBefore=3 * mm
        ),
    }


class RichText(HTMLParser):
    """Wagtail rich text (paragraphs, lists, bold, italic, links) as reportlab's markup."""

    INLINE = {"b": "b", "strong": "b", "i": "i", "em": "i"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []  # ("p", markup) or ("ul"/"ol", [markup, …])
        self.current = None
        self.list = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "p":
            self.current = []
        elif tag in ("ul", "ol"):
            self.list = (tag, [])
        elif tag == "li":
            self.current = []
        elif tag == "br" and self.current is not None:
            self.current.append("<br/>")
        elif tag in self.INLINE and self.current is not None:
            self.current.append(f"<{self.INLINE[tag]}>")
        elif tag == "a" and self.current is not None:
            href = attrs.get("href") or ""
            if href.startswith("/"):
                href = absolute(href)
            self.current.append(f'<a href="{escape(href, {chr(34): "&quot;"})}" color="#a3000d">')

    def handle_endtag(self, tag):
        if self.current is None:
            if tag in ("ul", "ol") and self.list:
                self.blocks.append(self.list)
                self.list = None
            return
        if tag in self.INLINE:
            self.current.append(f"</{self.INLINE[tag]}>")
        elif tag == "a":
            self.current.append("</a>")
        elif tag == "p":
            self.blocks.append(("p", "".join(self.current)))
            self.current = None
        elif tag == "li" and self.list:
            self.list[1].append("".join(self.current))
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current.append(escape(data))


def rich_text(html, style):
    parser = RichText()
    parser.feed(html)
    parser.close()
    flowables = []
    for kind, content in parser.blocks:
        if kind == "p":
            flowables += [Paragraph(content, style), Spacer(0, 2 * mm)]
        else:
            flowables.append(
                ListFlowable(
                    [ListItem(Paragraph(item, style)) for item in content],
                    bulletType="1" if kind == "ol" else "bullet",
                    bulletFontName=style.fontName,
                    bulletFontSize=style.fontSize,
                    leftIndent=6 * mm,
                    start=None if kind == "ol" else "•",
                )
            )
            flowables.append(Spacer(0, 2 * mm))
    return flowables


def text(value):
    return escape(value)


def event_block(event, style):
    return KeepTogether(event_parts(event, style))


def event_parts(event, style):
    when = text(event.when)
    if event.status:
        when = f'<font color="#a3000d">{text(event.status.upper())}:</font> {when}'
    title = text(event.title)
    if event.status == "Abgesagt":
        title = f"<strike>{title}</strike>"
    facts = [
        ("Ort", event.place),
        ("Art", event.category),
        ("Veranstaltungsnummer", event.number),
        ("Teilnahmegebühren", event.fees),
        ("Anmeldung", event.registration),
    ]
    parts = [Paragraph(when, style["when"]), Paragraph(title, style["title"])]
    if event.subtitle:
        parts.append(Paragraph(text(event.subtitle), style["subtitle"]))
    parts.append(Spacer(0, 1 * mm))
    parts += [
        Paragraph(f"<b>{label}:</b> {text(value)}", style["fact"])
        for label, value in facts
        if value
    ]
    parts.append(
        Paragraph(
            f'<b>Mehr:</b> <a href="{text(event.url)}" color="#a3000d">{text(event.url)}</a>',
            style["fact"],
        )
    )
    parts.append(Spacer(0, 5 * mm))
    return parts


def cover_image(document, width, height):
    if document.cover is None:
        return []
    from kopofo.images.models import CustomImage

    image = CustomImage.objects.filter(pk=document.cover[0]).first()
    if image is None:
        return []
    try:
        rendition = image.get_rendition(COVER_RENDITION)
        with rendition.file.open("rb") as file:
            data = io.BytesIO(file.read())
    except OSError:  # Wagtail's SourceImageIOError is one
        # The original's file is gone (a restore without the media): the programme without
        # its picture beats no programme.
        logger.exception("The cover picture of %r could not be read", document.title)
        return []
    scale = min(width / rendition.width, height / rendition.height)
    return [Spacer(0, 8 * mm), Image(data, rendition.width * scale, rendition.height * scale)]


class NumberedCanvas(Canvas):
    """Draws "Seite n von m" and the address on every page once the page count is known."""

    def __init__(self, *args, footer=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.footer = footer
        self.pages = []

    def showPage(self):
        self.pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        count = len(self.pages)
        for state in self.pages:
            self.__dict__.update(state)
            self.draw_footer(count)
            super().showPage()
        super().save()

    def draw_footer(self, count):
        width, _height = self._pagesize
        self.saveState()
        self.setStrokeColor(colors.HexColor("#d8cfc1"))
        self.line(MARGIN, FOOTER_HEIGHT, width - MARGIN, FOOTER_HEIGHT)
        self.setFont("SourceSans3", 8)
        self.setFillColor(MUTED)
        self.drawString(MARGIN, FOOTER_HEIGHT - 5 * mm, " · ".join(self.footer))
        self.drawRightString(
            width - MARGIN, FOOTER_HEIGHT - 5 * mm, f"Seite {self._pageNumber} von {count}"
        )
        self.restoreState()


def render(document: ProgrammeDocument) -> bytes:
    register_fonts()
    style = styles()
    buffer = io.BytesIO()
    width, height = A4

    def frame():
        return Frame(
            MARGIN,
            FOOTER_HEIGHT + 6 * mm,
            width - 2 * MARGIN,
            height - MARGIN - FOOTER_HEIGHT - 6 * mm,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )

    template = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=document.title,
        author=AUTHOR,
        subject=f"{document.title}: Veranstaltungen {document.period}",
        creator="kopofo-nrw.de",
        lang="de-DE",
        pageTemplates=[PageTemplate("cover", [frame()]), PageTemplate("body", [frame()])],
        initialFontName="SourceSans3",
    )
    story = [
        Paragraph(text(AUTHOR), style["kicker"]),
        Paragraph(text(document.title), style["cover_title"]),
        Paragraph(f"Veranstaltungen {text(document.period)}", style["cover_period"]),
        *cover_image(document, width - 2 * MARGIN, 110 * mm),
        Spacer(0, 12 * mm),
        Paragraph("<br/>".join(text(line) for line in document.address), style["cover_address"]),
        Paragraph(
            f'<a href="{text(document.url)}" color="#a3000d">{text(document.url)}</a>',
            style["cover_address"],
        ),
        NextPageTemplate("body"),
        PageBreak(),
    ]
    if document.editorial.strip():
        story += [Paragraph("Vorwort", style["h1"]), *rich_text(document.editorial, style["body"])]
        if document.signature:
            story.append(Paragraph(text(document.signature), style["signature"]))
        story.append(Spacer(0, 8 * mm))
    story.append(Paragraph("Die Termine", style["h1"]))
    if not document.events:
        story.append(
            Paragraph(
                "Für dieses Halbjahr stehen noch keine Termine fest. Auf unserer Website "
                "findet ihr sie, sobald es sie gibt.",
                style["body"],
            )
        )
    for month, events in groupby(document.events, key=lambda event: event.month):
        events = list(events)
        # A month's heading never ends a page alone: it travels with its first event.
        story.append(
            KeepTogether([Paragraph(text(month), style["month"]), *event_parts(events[0], style)])
        )
        story += [event_block(event, style) for event in events[1:]]

    footer = (AUTHOR, *document.address[1:3])
    template.build(
        story, canvasmaker=lambda *args, **kwargs: NumberedCanvas(*args, footer=footer, **kwargs)
    )
    return buffer.getvalue()

"""Real PDF files for the tests, made with reportlab."""

import io

from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas


def pdf_with_text(*pages, password=None):
    buffer = io.BytesIO()
    encrypt = StandardEncryption(password, ownerPassword="owner") if password else None
    document = canvas.Canvas(buffer, encrypt=encrypt)
    for text in pages:
        document.drawString(72, 720, text)
        document.showPage()
    document.save()
    return buffer.getvalue()

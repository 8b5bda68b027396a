"""HTML to PDF with WeasyPrint."""

from django.conf import settings
from weasyprint import HTML


def html_to_pdf(html: str) -> bytes:
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()

"""QC on a phone: any number of defect rows with photos, the measurements per size and photos of
the lot, posted as the page is (blank rows included), kept on the report and printed on the
inspection certificate."""

import io
from datetime import date

import pytest
from django.urls import reverse
from PIL import Image

from orders.documents.registry import get_form
from orders.documents.render import render_html
from shipping.models import CERTIFICATE_FORM, InspectionCertificate
from tests.html_forms import browser_form_data, form_index_with_field
from tests.shipping.conftest import book_final

pytestmark = pytest.mark.django_db


def jpeg(name: str, colour="red"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def report_page(client, booking):
    url = reverse("shipping:report", args=[booking.pk])
    page = client.get(url).content.decode()
    data = browser_form_data(page, form_index_with_field(page, "cartons_opened"))
    data.update({"inspected_on": date.today().isoformat(), "critical": 0, "major": 2, "minor": 1})
    return url, page, data


def test_two_defects_two_measurements_and_photos_are_recorded_blank_rows_left_out(
    client, order, qc
):
    booking = book_final(order, qc)
    client.force_login(qc)
    url, page, data = report_page(client, booking)
    assert 'capture="environment"' in page and "multiple" in page
    assert '<option value="M">M</option>' in page  # the order's sizes
    data.update({
        "defects-0-defect_class": "major", "defects-0-description": "Oil stain",
        "defects-0-quantity": "1", "defects-0-photo": jpeg("stain.jpg"),
        "defects-1-defect_class": "minor", "defects-1-description": "Loose thread",
        "defects-1-quantity": "1",
        "measurements-0-point": "Chest 1/2", "measurements-0-size": "M",
        "measurements-0-spec_cm": "52", "measurements-0-tolerance_cm": "1",
        "measurements-0-measured_cm": "52.5",
        "measurements-1-point": "Body length", "measurements-1-size": "L",
        "measurements-1-spec_cm": "72", "measurements-1-tolerance_cm": "1",
        "measurements-1-measured_cm": "74",
        "photos": [jpeg("lot1.jpg", "blue"), jpeg("lot2.jpg", "green")],
    })  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    report = booking.__class__.objects.get(pk=booking.pk).report
    assert [(d.defect_class, d.description) for d in report.defects.all()] == [
        ("major", "Oil stain"),
        ("minor", "Loose thread"),
    ]
    assert report.defects.first().photo.name.startswith("inspections/")
    rows = list(report.measurement_rows.all())
    assert [(r.point, r.size, r.within_tolerance) for r in rows] == [
        ("Chest 1/2", "M", True),
        ("Body length", "L", False),
    ]
    assert report.photos.count() == 2

    certificate = InspectionCertificate.objects.get(report=report)
    html = render_html(get_form(CERTIFICATE_FORM), certificate, "en")
    assert "Oil stain" in html and "Chest 1/2" in html and "Out of tolerance" in html
    assert html.count('src="data:image/jpeg;base64,') == 3  # one defect photo, two of the lot


def test_more_defects_listed_than_counted_is_refused_and_nothing_is_recorded(client, order, qc):
    booking = book_final(order, qc)
    client.force_login(qc)
    url, _page, data = report_page(client, booking)
    data.update({"critical": 0, "defects-0-defect_class": "critical",
                 "defects-0-description": "Needle in seam", "defects-0-quantity": "1"})  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Fewer defects found than the defects listed add up to: Critical." in (
        response.content.decode()
    )
    assert not booking.__class__.objects.filter(pk=booking.pk, report__isnull=False).exists()


def test_a_half_filled_measurement_row_says_what_is_missing(client, order, qc):
    booking = book_final(order, qc)
    client.force_login(qc)
    url, _page, data = report_page(client, booking)
    data.update({"measurements-0-point": "Chest 1/2", "measurements-0-size": "M"})
    response = client.post(url, data)
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not booking.__class__.objects.filter(pk=booking.pk, report__isnull=False).exists()


def test_a_file_that_is_not_a_picture_is_refused(client, order, qc):
    from django.core.files.uploadedfile import SimpleUploadedFile

    booking = book_final(order, qc)
    client.force_login(qc)
    url, _page, data = report_page(client, booking)
    data["photos"] = [SimpleUploadedFile("notes.txt", b"not an image", content_type="text/plain")]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Upload a valid image" in response.content.decode()

"""The inspection report page's forms together: the report, its defect rows, its measurements
and its photos; valid only when all are, so nothing is half-recorded."""

from orders.sizes import ordered_sizes
from shipping import forms_report


def order_sizes(order) -> list[str]:
    totals: dict[str, int] = {}
    for line in order.lines.all():
        for size, quantity in (line.size_breakdown or {}).items():
            totals[size] = totals.get(size, 0) + quantity
    return [size for size, _quantity in ordered_sizes(totals)]


class ReportPage:
    def __init__(self, request, booking, order):
        data = request.POST if request.method == "POST" else None
        files = request.FILES if request.method == "POST" else None
        initial = {"quantity_presented": booking.lot_size, "packing_ok": True, "marking_ok": True}
        self.form = forms_report.ReportForm(data, initial=initial)
        self.defects = forms_report.DefectFormSet(data, files, prefix="defects")
        self.measurements = forms_report.MeasurementFormSet(
            data, prefix="measurements", form_kwargs={"sizes": order_sizes(order)}
        )
        self.photos = forms_report.PhotosForm(data, files)

    def is_valid(self) -> bool:
        parts = (self.form, self.defects, self.measurements, self.photos)
        # Every part is checked (no short cut), so the page shows all its errors at once.
        checked = [part.is_valid() for part in parts]
        return all(checked)

    def service_arguments(self) -> dict:
        data = self.form.cleaned_data
        return {
            "inspected_on": data["inspected_on"],
            "quantity_presented": data["quantity_presented"],
            "cartons_opened": data["cartons_opened"],
            "defects_found": {k: data[k] for k in ("critical", "major", "minor")},
            "defects": [_defect(row) for row in _filled(self.defects)],
            "measurement_rows": list(_filled(self.measurements)),
            "photos": self.photos.cleaned_data["photos"],
            "measurements": data["measurements"],
            "packing_ok": data["packing_ok"],
            "marking_ok": data["marking_ok"],
            "packing_notes": data["packing_notes"],
            "remarks": data["remarks"],
        }


def _filled(formset):
    return (form.cleaned_data for form in formset if form.has_changed() and form.cleaned_data)


def _defect(row: dict) -> dict:
    defect = {k: row[k] for k in ("defect_class", "description", "quantity")}
    if row.get("photo"):
        defect["photo"] = row["photo"]
    return defect

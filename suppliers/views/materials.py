from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from orders.documents.forms import SendLanguageForm
from suppliers import forms, rules, services
from suppliers.choices import LabResult
from suppliers.models import (
    BulkFabricSubmission,
    FabricBooking,
    LabDipSubmission,
    LabTest,
    Trim,
    TrimCard,
)
from suppliers.permissions import can_manage_materials, can_record_lab_results, can_sign_booking
from suppliers.views.base import MaterialActionView


class ManageMixin:
    def allowed(self, request, obj) -> bool:
        return can_manage_materials(self.order_of(obj), request.user)


class FabricBookingCreateView(ManageMixin, MaterialActionView):
    form_class = forms.FabricBookingForm
    title = gettext_lazy("Book fabric")

    def perform(self, request, order, form) -> str:
        booking = services.fabric_booking_create(
            order_id=order.pk, user=request.user, **form.cleaned_data
        )
        return _("Fabric booking %(name)s added; the group head must sign it.") % {
            "name": booking.fabric_name
        }


class FabricBookingEditView(ManageMixin, MaterialActionView):
    model = FabricBooking
    form_class = forms.FabricBookingForm
    title = gettext_lazy("Change fabric booking")

    def form_kwargs(self, booking) -> dict:
        return {"instance": FabricBooking.objects.get(pk=booking.pk)}

    def perform(self, request, booking, form) -> str:
        services.fabric_booking_update(
            booking_id=booking.pk, user=request.user, **form.cleaned_data
        )
        return _("Fabric booking saved.")


class FabricBookingSignView(MaterialActionView):
    model = FabricBooking
    form_class = forms.SignForm
    title = gettext_lazy("Sign fabric booking (R2)")

    def allowed(self, request, booking) -> bool:
        return can_sign_booking(booking.order, request.user)

    def perform(self, request, booking, form) -> str:
        services.fabric_booking_sign(
            booking_id=booking.pk, user=request.user, comment=form.cleaned_data["comment"]
        )
        return _("Fabric booking signed.")


class FabricBookingSendView(ManageMixin, MaterialActionView):
    model = FabricBooking
    form_class = SendLanguageForm
    title = gettext_lazy("Send fabric booking to the factory")

    def form_kwargs(self, booking) -> dict:
        return {"recipient_language": booking.order.factory.language}

    def perform(self, request, booking, form) -> str:
        services.fabric_booking_send(
            booking_id=booking.pk, user=request.user, language=form.cleaned_data["lang"]
        )
        return _("The fabric booking is on its way to the factory.")


class LabDipSubmitView(ManageMixin, MaterialActionView):
    form_class = forms.LabDipSubmitForm
    title = gettext_lazy("Record a lab dip submission")

    def form_kwargs(self, order) -> dict:
        return {"colourways": rules.colourways(order)}

    def perform(self, request, order, form) -> str:
        services.lab_dip_submit(order_id=order.pk, user=request.user, **form.cleaned_data)
        return _("Lab dip recorded.")


class LabDipDecideView(ManageMixin, MaterialActionView):
    model = LabDipSubmission
    order_path = "lab_dip__order"
    form_class = forms.DecisionForm
    title = gettext_lazy("Approve or reject the colour standard")

    def perform(self, request, submission, form) -> str:
        services.lab_dip_decide(submission_id=submission.pk, user=request.user, **form.cleaned_data)
        return _("Decision recorded.")


class BulkSubmitView(ManageMixin, MaterialActionView):
    model = FabricBooking
    form_class = forms.BulkSubmitForm
    title = gettext_lazy("Record the bulk fabric swatch")

    def perform(self, request, booking, form) -> str:
        services.bulk_fabric_submit(booking_id=booking.pk, user=request.user, **form.cleaned_data)
        return _("Bulk fabric swatch recorded.")


class BulkDecideView(ManageMixin, MaterialActionView):
    model = BulkFabricSubmission
    order_path = "booking__order"
    form_class = forms.DecisionForm
    title = gettext_lazy("Approve or reject the bulk fabric swatch")

    def perform(self, request, submission, form) -> str:
        services.bulk_fabric_decide(
            submission_id=submission.pk, user=request.user, **form.cleaned_data
        )
        return _("Decision recorded.")


class LabTestSendView(MaterialActionView):
    model = FabricBooking
    form_class = forms.LabTestSendForm
    title = gettext_lazy("Send bulk fabric to an approved lab (R3)")

    def allowed(self, request, booking) -> bool:
        return can_record_lab_results(booking.order, request.user)

    def perform(self, request, booking, form) -> str:
        services.lab_test_send(
            booking_id=booking.pk,
            user=request.user,
            lab_id=form.cleaned_data["lab"].pk,
            sent_on=form.cleaned_data["sent_on"],
            items=form.item_list(),
        )
        return _("Lab test recorded.")


class LabResultsView(MaterialActionView):
    model = LabTest
    order_path = "booking__order"
    form_class = forms.LabResultsForm
    title = gettext_lazy("Record the lab's results")

    def allowed(self, request, test) -> bool:
        return can_record_lab_results(test.booking.order, request.user)

    def form_kwargs(self, test) -> dict:
        return {"items": test.items.all()}

    def perform(self, request, test, form) -> str:
        test = services.lab_test_record_results(
            test_id=test.pk,
            user=request.user,
            results=form.results(),
            reported_on=form.cleaned_data["reported_on"],
            report_no=form.cleaned_data["report_no"],
        )
        if test.result == LabResult.FAILED:
            return _("The test FAILED: the customer and the factory are being told now.")
        return _("The test passed.")


class TrimCreateView(ManageMixin, MaterialActionView):
    form_class = forms.TrimForm
    title = gettext_lazy("Add a trim")

    def perform(self, request, order, form) -> str:
        trim = services.trim_create(order_id=order.pk, user=request.user, **form.cleaned_data)
        return _("Trim %(name)s added.") % {"name": trim.description}


class TrimPictureView(ManageMixin, MaterialActionView):
    model = Trim
    form_class = forms.TrimPictureForm
    title = gettext_lazy("Trim picture (R24)")

    def perform(self, request, trim, form) -> str:
        services.trim_picture_set(
            trim_id=trim.pk, user=request.user, picture=form.cleaned_data["picture"]
        )
        return _("Picture saved; the trim list shows it.")


class TrimListSendView(ManageMixin, MaterialActionView):
    form_class = SendLanguageForm
    title = gettext_lazy("Send the trim list with pictures to the factory (R24)")

    def form_kwargs(self, order) -> dict:
        return {"recipient_language": order.factory.language}

    def perform(self, request, order, form) -> str:
        services.trim_list_send(
            order_id=order.pk, user=request.user, language=form.cleaned_data["lang"]
        )
        return _("The trim list is on its way to the factory.")


class ProcurementView(ManageMixin, MaterialActionView):
    form_class = forms.ProcurementForm
    title = gettext_lazy("Update procurement")
    material = "fabric"

    def perform(self, request, item, form) -> str:
        item = services.procurement_update(
            material=self.material, material_id=item.pk, user=request.user, **form.cleaned_data
        )
        if item.is_short:
            return _("Saved. SHORTAGE: it is expected after production needs it.")
        return _("Saved.")


class FabricProcurementView(ProcurementView):
    model = FabricBooking
    material = "fabric"


class TrimProcurementView(ProcurementView):
    model = Trim
    material = "trim"


class TrimCardReceiveView(ManageMixin, MaterialActionView):
    form_class = forms.TrimCardReceiveForm
    title = gettext_lazy("Trim card received from the factory (R1)")

    def perform(self, request, order, form) -> str:
        card = services.trim_card_receive(order_id=order.pk, user=request.user, **form.cleaned_data)
        return _("Trim card recorded; check it by %(deadline)s.") % {
            "deadline": card.review_deadline.isoformat()
        }


class TrimCardReviewView(ManageMixin, MaterialActionView):
    model = TrimCard
    form_class = forms.TrimCardReviewForm
    title = gettext_lazy("Check the trim card (R1)")

    def perform(self, request, card, form) -> str:
        if form.cleaned_data["outcome"] == "approve":
            services.trim_card_approve(card_id=card.pk, user=request.user)
            return _("Trim card signed: one copy to QC, one filed.")
        services.trim_card_return(
            card_id=card.pk, user=request.user, errors=form.cleaned_data["errors_found"]
        )
        return _("Trim card returned; the factory is being told the errors.")

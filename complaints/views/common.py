from complaints import selectors
from orders.views.generic import ServiceActionView


class ComplaintAction(ServiceActionView):
    def get_object(self, request, pk):
        return selectors.complaint_detail(request.user, pk)


class ReturnAction(ServiceActionView):
    def get_object(self, request, pk):
        return selectors.return_detail(request.user, pk)

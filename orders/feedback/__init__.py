"""R30: customer countersignatures of the feedback form, the waybill and the packing list."""

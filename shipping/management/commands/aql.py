"""`manage.py aql --lot 3000 --level II --aql 2.5`: the AQL calculator for QC, as a command."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from shipping.aql import AQLError, aql_error_message, sampling_plan


class Command(BaseCommand):
    help = _(
        "Sampling plan of ISO 2859-1 (single sampling, normal inspection) for a lot size, "
        "inspection level and AQL, after following the arrows of Table 2-A."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--lot", required=True, help=_("Lot size (pieces)."))
        parser.add_argument(
            "--level", default="II", help=_("Inspection level: I, II, III, S-1 to S-4.")
        )
        parser.add_argument("--aql", required=True, help=_("AQL, e.g. 0.65, 2.5, 4.0."))
        parser.add_argument(
            "--json", action="store_true", help=_("Print the plan actually used as JSON.")
        )

    def handle(self, *args, lot: str, level: str, aql: str, **options) -> None:
        try:
            lot_size = int(lot)
        except ValueError:
            raise CommandError(_("The lot size must be a whole number of at least 1.")) from None
        try:
            plan = sampling_plan(lot_size, level, aql)
        except AQLError as error:
            raise CommandError(aql_error_message(error)) from None
        if options["json"]:
            self.stdout.write(json.dumps(plan.as_dict()))
            return
        self.stdout.write(
            _("Lot %(lot)s, inspection level %(level)s, AQL %(aql)s")
            % {"lot": plan.lot_size, "level": plan.level, "aql": plan.aql}
        )
        self.stdout.write(_("Code letter from Table 1: %(letter)s") % {"letter": plan.table_letter})
        if plan.arrow_followed:
            self.stdout.write(
                _("Table 2-A points to code letter %(letter)s: its sample size and Ac/Re apply.")
                % {"letter": plan.code_letter}
            )
        self.stdout.write(
            _("Sample size: %(n)s (code letter %(letter)s)")
            % {"n": plan.sample_size, "letter": plan.code_letter}
        )
        if plan.full_inspection:
            self.stdout.write(_("The sample is the whole lot: inspect 100%."))
        self.stdout.write(
            _("Accept with %(ac)s or fewer defects; reject with %(re)s or more.")
            % {"ac": plan.accept, "re": plan.reject}
        )

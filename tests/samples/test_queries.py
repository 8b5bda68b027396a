"""The samples section and page read through selectors: queries do not grow with rounds."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from orders.sections import sections
from samples.services import comment_letter_create, sample_check_record, sample_decide
from tests.factories import make_sample

pytestmark = pytest.mark.django_db


def add_round(order, user, sample_type):
    sample = make_sample(order, sample_type=sample_type)
    sample_check_record(
        sample_id=sample.pk,
        user=user,
        measurements=[
            {"point_of_measure": "Chest", "spec": 50, "tolerance": 1, "actual": 53, "size": "M"}
        ],
        discrepancies=[{"area": "wash", "description": "Dark", "severity": "must_correct"}],
    )
    comment_letter_create(sample_id=sample.pk, user=user)
    return sample


def section_queries(order, user) -> int:
    [section] = [s for s in sections() if s.code == "samples"]
    with CaptureQueriesContext(connection) as queries:
        render_to_string(section.template, {"section": section.context(order, user)})
    return len(queries)


def test_section_queries_do_not_grow_with_rounds(order, merchandiser):
    add_round(order, merchandiser, "proto")
    one = section_queries(order, merchandiser)
    first_fit = add_round(order, merchandiser, "fit")
    sample_decide(sample_id=first_fit.pk, user=merchandiser, approved=False, comment="x")
    add_round(order, merchandiser, "fit")
    add_round(order, merchandiser, "salesman")
    assert section_queries(order, merchandiser) == one

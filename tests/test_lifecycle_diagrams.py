"""The README's lifecycle diagrams are generated from the models' django-fsm declarations; a
transition added, renamed or given a new rule without regenerating them fails here."""

from orders.diagrams import README, diagram, lifecycles_markdown, readme_section
from orders.lifecycle import lifecycle_fields
from orders.models import Order


def test_the_readme_diagrams_are_what_the_declarations_say_now():
    committed = readme_section(README.read_text(encoding="utf-8"))
    assert committed, "README.md lost its lifecycle markers"
    assert committed == lifecycles_markdown(), (
        "Run `python manage.py lifecycle_diagrams` and commit the README."
    )


def test_every_lifecycle_has_a_diagram_naming_its_transitions_rules_and_who_may():
    text = lifecycles_markdown()
    for model, field in lifecycle_fields():
        assert f"`{model._meta.label}.{field.name}`" in text
    order = diagram(Order, Order._meta.get_field("stage"))
    assert (
        "received --> in_review: submit_for_review [submit_for_review_gates_met] (can_submit)"
        in order
    )

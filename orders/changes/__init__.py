"""Orders that change (R8, R14): change requests with their diff, the impact other apps report,
the lifecycle from draft to applied, and the revision the order moves to when one is applied."""

"""Writes go through these functions: views, admin actions, tasks and commands all call them."""

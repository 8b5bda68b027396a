"""makemessages without fuzzy matching: a guessed translation marked fuzzy is neither shown nor
visibly missing, so a new string stays empty until someone translates it (Django's documented
way to change msgmerge's options is to override the command)."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]

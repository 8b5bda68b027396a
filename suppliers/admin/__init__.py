from suppliers.admin import materials, parties  # noqa: F401  registers the admin pages

"""Import/export from Excel or CSV sheets (django-import-export): all or nothing, and only for
users who may write the rows."""

from import_export import resources
from import_export.admin import ImportExportModelAdmin


class StrictResource(resources.ModelResource):
    """Every row is validated like a form (choices, required fields, lengths), and one bad row
    rolls back the whole sheet: a sheet is imported entirely or not at all."""

    def import_data(self, dataset, *args, **kwargs):
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, *args, **kwargs)


class GuardedImportExportAdmin(ImportExportModelAdmin):
    """Importing writes rows, so it needs the add and change permissions (django-import-export
    lets anyone who sees the list import unless a setting says otherwise)."""

    def has_import_permission(self, request) -> bool:
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request) -> bool:
        return self.has_view_permission(request)

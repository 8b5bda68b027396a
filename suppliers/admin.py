from django.contrib import admin

from suppliers.models import Factory, FactoryContact


class FactoryContactInline(admin.TabularInline):
    model = FactoryContact
    extra = 0


@admin.register(Factory)
class FactoryAdmin(admin.ModelAdmin):
    list_display = ["name", "language", "email"]
    list_filter = ["language"]
    search_fields = ["name", "email"]
    inlines = [FactoryContactInline]

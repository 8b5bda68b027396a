from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from orders.models import Profile
from orders.roles import Role

User = get_user_model()


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    fields = ["language", "team", "phone"]
    verbose_name_plural = _("profile")


class GendanUserAdmin(UserAdmin):
    """Django's user admin plus the profile: the language mail and pages use, and the team."""

    inlines = [ProfileInline]
    list_display = ["username", "first_name", "last_name", "email", "roles", "team", "is_staff"]
    list_select_related = ["profile__team"]
    list_filter = [*UserAdmin.list_filter, "profile__team", "profile__language"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description=_("roles"))
    def roles(self, user) -> str:
        labels = dict(Role.choices)
        return ", ".join(str(labels.get(group.name, group.name)) for group in user.groups.all())

    @admin.display(description=_("team"), ordering="profile__team__name")
    def team(self, user):
        profile = getattr(user, "profile", None)
        return profile.team if profile else None


if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, GendanUserAdmin)

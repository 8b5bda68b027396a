"""Uploaded files, for the people who may see what they belong to (orders.files)."""

import mimetypes
import posixpath

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest

from orders.files import owner_of

# Shown in the browser; anything else is downloaded, so an uploaded page can never run here.
INLINE_TYPES = {"application/pdf", "image/jpeg", "image/png"}


@login_required
def protected_file_view(request: HttpRequest, path: str) -> FileResponse:
    name = posixpath.normpath(path).lstrip("/")
    if name.startswith("..") or name != path:
        raise Http404
    found = owner_of(name)
    if found is None or not default_storage.exists(name):
        raise Http404
    entry, obj = found
    if not entry.allows(request.user, obj):
        raise PermissionDenied
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(
        default_storage.open(name, "rb"),
        as_attachment=content_type not in INLINE_TYPES,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response

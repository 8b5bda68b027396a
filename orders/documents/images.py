"""Pictures printed on forms (a trim's photo, the company logo), embedded as data: URIs."""

import base64
import io

from PIL import Image, UnidentifiedImageError

# A picture on a form needs no more than this (pixels, longest side): a phone photo embedded
# at full size would make the PDF tens of MB.
PICTURE_MAX_PIXELS = 600


def picture_data_uri(picture, *, max_pixels: int = PICTURE_MAX_PIXELS) -> str:
    """The picture, scaled down, as a data: URI that WeasyPrint embeds without a URL."""
    if not picture:
        return ""
    try:
        with picture.open("rb") as stored, Image.open(stored) as image:
            image.thumbnail((max_pixels, max_pixels))
            fmt = "JPEG" if image.format == "JPEG" else "PNG"
            if fmt == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            buffer = io.BytesIO()
            image.save(buffer, format=fmt)
    except (OSError, UnidentifiedImageError):
        # A lost file must not stop the form from going out; it prints without the picture.
        return ""
    mimetype = "image/jpeg" if fmt == "JPEG" else "image/png"
    return f"data:{mimetype};base64,{base64.b64encode(buffer.getvalue()).decode()}"

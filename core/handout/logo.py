"""The clinic logo: checked before a handout or a report is drawn, so a damaged, enormous or wrong file is
one plain sentence and never a crash or a decompression bomb."""

from __future__ import annotations

import os
import stat

# The clinic logo is printed 4 x 2 cm: far fewer pixels than this; checked before anything is decoded.
LOGO_MAX_BYTES = 10_000_000
LOGO_MAX_PIXELS = 4096 * 4096
LOGO_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG", b"GIF87a": "GIF", b"GIF89a": "GIF"}


class LogoError(OSError):
    """The clinic logo cannot be printed; the message is one plain sentence (it never names the path)."""


def check_logo(path_text: str, where: str = " in Settings") -> None:
    """Raise LogoError unless the logo is a regular PNG, JPEG or GIF file of bounded size that decodes
    completely. The file size is checked before it is opened and the pixel count before it is decoded,
    so a decompression bomb or an enormous file costs nothing. ``where``: where the message sends the clinician to
    choose another ("" in Settings itself)."""
    from PIL import GifImagePlugin, JpegImagePlugin, PngImagePlugin  # Pillow comes with reportlab

    readers = {"PNG": PngImagePlugin.PngImageFile, "JPEG": JpegImagePlugin.JpegImageFile,
               "GIF": GifImagePlugin.GifImageFile}
    again = f"choose the logo again{where}, or clear it"
    try:
        info = os.stat(path_text)
    except OSError as error:
        raise LogoError(f"it cannot be opened ({error.strerror or 'unknown error'}); {again}") from error
    if not stat.S_ISREG(info.st_mode):
        raise LogoError(f"it is not a regular file (a folder, device or pipe); {again}")
    if info.st_size > LOGO_MAX_BYTES:
        raise LogoError(f"the file is {info.st_size / 1_000_000:.0f} MB, more than a logo needs; choose an image "
                        f"under {LOGO_MAX_BYTES // 1_000_000} MB{where}, or clear the logo")
    try:
        with open(path_text, "rb") as handle:
            start = handle.read(8)
            kind = next((name for magic, name in LOGO_SIGNATURES.items() if start.startswith(magic)), None)
            if kind is None:
                raise LogoError(f"it is not a PNG or JPEG image; {again}")
            handle.seek(0)
            # The format's own reader: it reads the header only, and is not Image.open, whose
            # decompression-bomb warning would go to stderr; the pixel count is checked here instead.
            image = readers[kind](handle)
            width, height = image.size
            if width * height > LOGO_MAX_PIXELS:
                raise LogoError(f"it is {width} × {height} pixels; choose an image of at most "
                                f"{LOGO_MAX_PIXELS // 1_000_000} megapixels{where}, or clear the logo")
            image.load()  # a truncated or damaged file fails here, not halfway through the PDF
    except LogoError:
        raise
    except Exception as error:  # noqa: BLE001 (Pillow raises OSError, SyntaxError, ValueError, EOFError, ...)
        raise LogoError(f"the image file is damaged or cut short; {again}") from error

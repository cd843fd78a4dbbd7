from django.conf import settings
from django.core.checks import Warning, register

from certificates import fonts


@register()
def cjk_font_check(app_configs, **kwargs):
    # Told at start-up rather than when the first mother asks for her certificate.
    if fonts.find_cjk_font() is not None:
        return []
    configured = getattr(settings, "CERTIFICATE_FONT_PATH", "")
    problem = (
        f"CERTIFICATE_FONT_PATH ({configured}) is not a font with Chinese characters"
        if configured
        else "No font with Chinese characters was found"
    )
    return [
        Warning(
            f"{problem}, so certificates cannot be rendered as PDF.",
            hint=fonts.FONT_MISSING_HINT,
            id="certificates.W001",
        )
    ]

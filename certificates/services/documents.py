"""The certificate's PDF and its public check link."""

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone, translation

from lms.core.links import public_url

from ..models import Certificate
from ..pdf import render_certificate_pdf


def certificate_pdf_bytes(certificate) -> bytes:
    """The PDF made from what was frozen at issue (a read: nothing is stored)."""
    design = certificate.design or {}
    logo = None
    if design.get("logo") and default_storage.exists(design["logo"]):
        with default_storage.open(design["logo"], "rb") as handle:
            logo = handle.read()
    content = {
        "programme_name": design.get("programme_name", ""),
        "programme_name_en": design.get("programme_name_en", ""),
        "logo": logo,
        "holder_name": certificate.holder_name,
        "level_name": design.get("level_name", ""),
        "level_name_en": design.get("level_name_en", ""),
        "serial": certificate.serial,
        "issued_on": certificate.issued_on,
        "expires_on": certificate.expires_on,
        "signatory_name": design.get("signatory_name", ""),
        "signatory_title": design.get("signatory_title", ""),
        "verify_url": verification_url(certificate),
    }
    return render_certificate_pdf(content)


def certificate_render_pdf(*, certificate, force=False, relink=False) -> Certificate:
    """Render and store the PDF (the task after issue). Once made, it is kept as it is, unless
    `force`; with `relink`, it is drawn again only if its QR code points elsewhere than the
    site's public address now (certificates_rerender, after PUBLIC_BASE_URL changed)."""
    link = verification_url(certificate)
    if certificate.pdf and not force and not (relink and certificate.pdf_link != link):
        return certificate
    data = certificate_pdf_bytes(certificate)
    if certificate.pdf:
        certificate.pdf.delete(save=False)
    certificate.pdf.save(f"{certificate.verification_code}.pdf", ContentFile(data), save=False)
    certificate.pdf_rendered_at = timezone.now()
    certificate.pdf_link = link
    Certificate.objects.filter(pk=certificate.pk).update(
        pdf=certificate.pdf.name, pdf_rendered_at=certificate.pdf_rendered_at, pdf_link=link
    )
    return certificate


def verification_url(certificate) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("certificates:verify", args=[certificate.verification_code])
    return public_url(path)

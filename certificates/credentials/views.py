"""The credentials' public addresses (machine-readable, outside the language prefixes): the
issuer's DID document, each credential, the level's achievement and the revocation lists;
and her own downloads (the .json and the baked badge picture)."""

import json

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from lms.accounts.decorators import login_required_with_message

from ..forms import CredentialUploadForm
from ..models import Certificate, CertificationLevel, Credential
from ..permissions import can_download
from ..readiness import level_in_ladder
from ..views import too_many_checks
from .badge import baked_png
from .checking import MAX_UPLOAD, Unreadable, credential_check, credential_from_upload
from .documents import achievement, did_document
from .status import status_list_json

# VC 2.0 media type of a credential secured with an embedded proof.
VC_MEDIA_TYPE = "application/vc"


def _json(document, content_type="application/json", max_age=300):
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=1), content_type=content_type
    )
    response["Access-Control-Allow-Origin"] = "*"  # verifiers in other sites' pages
    patch_cache_control(response, public=True, max_age=max_age)
    return response


@require_GET
def did_json(request):
    return _json(did_document(), "application/did+json")


@require_GET
def credential_json(request, uid):
    credential = get_object_or_404(Credential, uid=uid)
    return _json(credential.document, VC_MEDIA_TYPE)


@require_GET
def achievement_json(request, slug):
    level = CertificationLevel.objects.filter(slug=slug).order_by("pk").first()
    if level is None:
        raise Http404
    return _json(achievement(level_in_ladder(level)).to_dict())


@require_GET
def status_list(request, number):
    if number > 1000:
        raise Http404
    response = HttpResponse(status_list_json(number), content_type=VC_MEDIA_TYPE)
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=settings.OPEN_BADGES_STATUS_LIST_MAX_AGE)
    return response


def _own_credential(request, certificate_id):
    certificate = get_object_or_404(
        Certificate.objects.select_related("learner", "level"), pk=certificate_id
    )
    if not can_download(request.user, certificate):
        raise Http404
    credential = certificate.credentials.filter(revoked_at__isnull=True).first()
    if credential is None:
        raise Http404
    return certificate, credential


@login_required_with_message
def download_json(request, certificate_id):
    certificate, credential = _own_credential(request, certificate_id)
    response = JsonResponse(credential.document, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = VC_MEDIA_TYPE
    response["Content-Disposition"] = f'attachment; filename="{certificate.serial}.json"'
    return response


@login_required_with_message
def download_badge(request, certificate_id):
    certificate, credential = _own_credential(request, certificate_id)
    png = baked_png(
        certificate.design.get("level_name") or str(certificate.level),
        certificate.level.order,
        json.dumps(credential.document, ensure_ascii=False),
    )
    response = HttpResponse(png, content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="{certificate.serial}.png"'
    return response


# A check changes nothing, so it needs no CSRF token: the form can sit on the public check
# page, which is kept whole for everyone (a token would make it personal).
@csrf_exempt
def check(request):
    """Anyone uploads a credential file (.json or the badge picture) and reads, in her
    language, whether it is ours, unchanged, within its dates and not revoked."""
    context = {"form": CredentialUploadForm()}
    if request.method == "POST":
        if limited := too_many_checks(request, "credential-check"):
            return limited
        form = CredentialUploadForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            try:
                document = credential_from_upload(form.cleaned_data["file"].read(MAX_UPLOAD + 1))
            except Unreadable as problem:
                form.add_error("file", str(problem))
            else:
                findings = credential_check(document)
                context.update(
                    findings=findings,
                    genuine=all(finding.ok for finding in findings),
                    name=document.get("name") if isinstance(document.get("name"), str) else "",
                )
        status = 200 if form.is_valid() else 400
        return render(request, "certificates/check.html", context, status=status)
    return render(request, "certificates/check.html", context)

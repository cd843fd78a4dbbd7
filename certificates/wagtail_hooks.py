"""Admin: the certification ladder for editors (a translatable snippet with its
requirements), and for programme staff of a region: certificates (revoke, re-issue) and the
approval queue."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import ProtectedError, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet

from lms.accounts.staff_admin import StaffViewSet, require_programme_staff
from lms.core.hooks import (
    LEARNER_HOME_PANELS,
    LEVEL_LOCK,
    MENTEE_DETAIL_PANELS,
    PERSON_PROGRESS_PANELS,
)
from lms.core.translation import default_locale

from .models import ApprovalStatus, CertificateStatus, CertificationLevel
from .permissions import approvals_visible_to, can_sign_off, certificates_managed_by
from .readiness import held_level_ids
from .selectors import checklist, learner_certificates, level_name, next_level_checklist
from .services import approval_decide, certificate_reissue, certificate_revoke


class LevelDeleteView(DeleteView):
    """A level someone holds or was signed off for cannot go: certificates point at it."""

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except ProtectedError:
            messages.error(
                request,
                _("This level cannot be deleted: certificates or sign-offs refer to it."),
            )
            return redirect(self.get_success_url())


class CertificationLevelViewSet(SnippetViewSet):
    model = CertificationLevel
    delete_view_class = LevelDeleteView
    icon = "doc-full"
    menu_label = gettext_lazy("Certification ladder")
    menu_order = 212
    add_to_admin_menu = True
    list_display = [
        "order",
        "name",
        "slug",
        "prerequisite",
        "validity_months",
        "issuance",
        "grants_mentoring",
        "locale",
    ]
    list_filter = ["locale"]
    search_fields = ["name"]
    ordering = ["order"]


register_snippet(CertificationLevelViewSet)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("Give the reason.")},
    )


class RevokeForm(ReasonForm):
    confirm = forms.BooleanField(
        label=gettext_lazy(
            "Yes, revoke it: the check page will say it is no longer valid, and she is told."
        ),
        error_messages={"required": gettext_lazy("Tick the box to confirm the revocation.")},
    )


class DecisionForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Note for her"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def certificate_index(request):
    require_programme_staff(request)
    certificates = certificates_managed_by(request.user).select_related("learner", "level")
    status = request.GET.get("status", "")
    if status in CertificateStatus.values:
        certificates = certificates.filter(status=status)
    query = request.GET.get("q", "").strip()
    if query:
        certificates = certificates.filter(
            Q(serial__icontains=query)
            | Q(holder_name__icontains=query)
            | Q(learner__phone__icontains=query)
        )
    page = Paginator(certificates.order_by("-issued_at", "-pk"), 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "certificates/admin/index.html",
        {
            "page": page,
            "status": status,
            "query": query,
            "statuses": CertificateStatus.choices,
            "pending": approvals_visible_to(request.user)
            .filter(status=ApprovalStatus.PENDING)
            .count(),
        },
    )


def certificate_detail(request, certificate_id):
    require_programme_staff(request)
    certificate = get_object_or_404(
        certificates_managed_by(request.user).select_related(
            "learner", "level", "issued_by", "revoked_by", "replaces"
        ),
        pk=certificate_id,
    )
    revoke_form = RevokeForm(prefix="revoke")
    reissue_form = ReasonForm(prefix="reissue")
    if request.method == "POST":
        action = request.POST.get("action")
        if action not in ("revoke", "reissue"):
            return redirect("certificates_admin:detail", certificate.pk)
        form = (RevokeForm if action == "revoke" else ReasonForm)(request.POST, prefix=action)
        if action == "revoke":
            revoke_form = form
        else:
            reissue_form = form
        if form.is_valid():
            try:
                if action == "revoke":
                    certificate_revoke(
                        certificate=certificate,
                        actor=request.user,
                        reason=form.cleaned_data["reason"],
                    )
                    messages.success(request, _("The certificate is revoked."))
                    return redirect("certificates_admin:detail", certificate.pk)
                new = certificate_reissue(
                    certificate=certificate, actor=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("Re-issued as %(serial)s.") % {"serial": new.serial})
                return redirect("certificates_admin:detail", new.pk)
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error(None, message)
    return TemplateResponse(
        request,
        "certificates/admin/detail.html",
        {
            "certificate": certificate,
            "shown_status": certificate.shown_status(),
            "revoke_form": revoke_form,
            "reissue_form": reissue_form,
            "replaced_by": getattr(certificate, "replaced_by", None),
        },
    )


def approval_index(request):
    require_programme_staff(request)
    approvals = list(
        approvals_visible_to(request.user)
        .filter(status=ApprovalStatus.PENDING)
        .select_related("learner", "learner__home_region", "level")
        .order_by("requested_at")[:200]
    )
    return TemplateResponse(
        request,
        "certificates/admin/approvals.html",
        {"approvals": approvals, "form": DecisionForm()},
    )


def approval_detail(request, approval_id):
    require_programme_staff(request)
    approval = get_object_or_404(
        approvals_visible_to(request.user).select_related("learner", "level"), pk=approval_id
    )
    return TemplateResponse(
        request,
        "certificates/admin/approval_detail.html",
        {
            "approval": approval,
            "checklist": checklist(approval.learner, approval.level, for_learner=False),
            "form": DecisionForm(),
        },
    )


@require_POST
def approval_decide_view(request, approval_id):
    require_programme_staff(request)
    approval = get_object_or_404(approvals_visible_to(request.user), pk=approval_id)
    decision = request.POST.get("decision")
    if decision not in ("approve", "decline"):
        return redirect("certificates_admin:approval", approval.pk)
    try:
        # The service keeps the first 2,000 characters of the note (the form's limit).
        certificate = approval_decide(
            approval=approval,
            actor=request.user,
            approve=decision == "approve",
            note=request.POST.get("note", ""),
        )
    except (ValidationError, PermissionDenied) as exc:
        for message in getattr(exc, "messages", [str(exc)]):
            messages.error(request, message)
        return redirect("certificates_admin:approval", approval.pk)
    if certificate is not None:
        messages.success(
            request,
            _("Approved: certificate %(serial)s is issued.") % {"serial": certificate.serial},
        )
    else:
        messages.success(request, _("Declined. She has been told why."))
    return redirect("certificates_admin:approvals")


class CertificatesAdminViewSet(StaffViewSet):
    name = "certificates_admin"
    url_prefix = "certificates"
    icon = "doc-full-inverse"
    menu_label = gettext_lazy("Certificates")
    menu_order = 207

    def get_urlpatterns(self):
        return [
            path("", certificate_index, name="index"),
            path("<int:certificate_id>/", certificate_detail, name="detail"),
            path("approvals/", approval_index, name="approvals"),
            path("approvals/<int:approval_id>/", approval_detail, name="approval"),
            path("approvals/<int:approval_id>/decide/", approval_decide_view, name="decide"),
        ]


@hooks.register("register_admin_viewset")
def register_certificates_viewset():
    return CertificatesAdminViewSet()


# What the certificates add to the lower apps' pages ---------------------------------


@hooks.register(LEVEL_LOCK)
def prerequisite_locks(learner, level_slugs):
    """A level's courses and sessions are locked until she holds its prerequisite. Two
    queries for any number of levels."""
    levels = list(
        CertificationLevel.objects.filter(
            slug__in=level_slugs, locale=default_locale(), prerequisite__isnull=False
        ).select_related("prerequisite")
    )
    if not levels:
        return {}
    held = held_level_ids(learner) if learner.is_authenticated else set()
    return {
        level.slug: _("Locked: earn the “%(level)s” certificate first.")
        % {"level": level_name(level.prerequisite)}
        for level in levels
        if level.prerequisite_id not in held
    }


@hooks.register(LEARNER_HOME_PANELS)
def learner_home_panel(request, learner):
    return render_to_string(
        "certificates/_ladder_panel.html",
        {
            "checklist": next_level_checklist(learner),
            "certificates": [
                c for c in learner_certificates(learner) if c.status != CertificateStatus.REVOKED
            ],
            "for_learner": True,
        },
        request=request,
    )


@hooks.register(PERSON_PROGRESS_PANELS)
@hooks.register(MENTEE_DETAIL_PANELS)
def person_panel(request, learner):
    if request.user.pk == learner.pk:
        return learner_home_panel(request, learner)
    return render_to_string(
        "certificates/_ladder_panel.html",
        {
            "checklist": next_level_checklist(learner, for_learner=False),
            "certificates": learner_certificates(learner),
            "for_learner": False,
            "learner": learner,
            "can_sign_off": can_sign_off(request.user, learner),
        },
        request=request,
    )

"""Roles are Django groups, named once here. A user may hold several."""

from django.utils.translation import gettext_lazy as _

from lms.core.caching import learner_changed, learner_generation, memoized

LEARNER = "learner"
MENTOR = "mentor"
PROGRAMME_STAFF = "programme_staff"
CONTENT_EDITOR = "content_editor"

ALL_ROLES = (LEARNER, MENTOR, PROGRAMME_STAFF, CONTENT_EDITOR)
ADMIN_ROLES = frozenset({PROGRAMME_STAFF, CONTENT_EDITOR})
ROLE_LABELS = {
    LEARNER: _("Learner"),
    MENTOR: _("Mentor"),
    PROGRAMME_STAFF: _("Programme staff"),
    CONTENT_EDITOR: _("Content editor"),
}

# Model permissions each role's group gets ("app_label.codename"); Wagtail admin access is
# added for the roles that work there.
_ADMIN = "wagtailadmin.access_admin"
ROLE_PERMISSIONS = {
    LEARNER: [],
    MENTOR: [],
    PROGRAMME_STAFF: [
        _ADMIN,
        "accounts.view_region",
        "accounts.add_region",
        "accounts.change_region",
        "programme.view_cohort",
        "programme.add_cohort",
        "programme.change_cohort",
        "programme.delete_cohort",
        "programme.view_cohortmembership",
        "programme.add_cohortmembership",
        "programme.change_cohortmembership",
        # Training sessions are cancelled, not deleted: attendance counts toward certificates.
        "programme.view_trainingsession",
        "programme.add_trainingsession",
        "programme.change_trainingsession",
        "mentoring.view_mentorprofile",
        "mentoring.add_mentorprofile",
        "mentoring.change_mentorprofile",
        "mentoring.view_mentorassignment",
        "mentoring.add_mentorassignment",
        "mentoring.change_mentorassignment",
        "mentoring.view_coachingcontact",
        "assessments.view_quizattempt",
        "assessments.view_submission",
        # The at-risk thresholds and the forecast window of the staff dashboards.
        "dashboards.change_dashboardsettings",
    ],
    CONTENT_EDITOR: [
        _ADMIN,
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        *(
            f"assessments.{action}_{model}"
            for model in ("quiz", "rubric", "practicaltask")
            for action in ("add", "change", "delete", "view")
        ),
        *(
            f"certificates.{action}_certificationlevel"
            for action in ("add", "change", "delete", "view")
        ),
        "certificates.change_certificatesettings",
        # Wagtail's Translate (pages and snippets) and the translations report (cms).
        "simple_translation.submit_translation",
    ],
}
# Page permissions content editors get on the whole page tree.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "view_page"]


def role_names(user) -> frozenset:
    """Her roles, kept in memory until her groups change (roles_changed)."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_role_names"):
        user._role_names = memoized(
            ("roles", user.pk),
            depends_on=(learner_generation(user.pk),),
            compute=lambda: frozenset(user.groups.values_list("name", flat=True)),
        )
    return user._role_names


def has_role(user, role: str) -> bool:
    return role in role_names(user)


def can_use_admin(user) -> bool:
    """Whether her menu offers the admin (the roles that work there)."""
    return user.is_authenticated and (
        user.is_superuser or user.is_staff or bool(role_names(user) & ADMIN_ROLES)
    )


def roles_changed(sender, instance, action, pk_set, reverse, **kwargs):
    """Someone's groups changed: her roles are read again."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # a group's members changed
        learner_changed(pk_set or [])
    else:
        learner_changed([instance.pk])


def sync_role_groups():
    """Create the role groups and give them their permissions; safe to run any time."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    for role, perms in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            wanted += Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            )
        group.permissions.add(*wanted)

    editors = Group.objects.get(name=CONTENT_EDITOR)
    root = Page.get_first_root_node()
    if root:
        for codename in EDITOR_PAGE_PERMISSIONS:
            perm = Permission.objects.filter(
                content_type__app_label="wagtailcore", codename=codename
            ).first()
            if perm:
                GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=perm)
    collection = Collection.get_first_root_node()
    if collection:
        for perm in Permission.objects.filter(
            content_type__app_label__in=["wagtailimages", "wagtaildocs"],
            codename__in=[
                "add_image",
                "change_image",
                "choose_image",
                "add_document",
                "change_document",
                "choose_document",
            ],
        ):
            GroupCollectionPermission.objects.get_or_create(
                group=editors, collection=collection, permission=perm
            )


def sync_role_groups_after_migrate(sender, app_config, **kwargs):
    from django.apps import apps

    # Run once, after the last app's permissions exist.
    if app_config is list(apps.get_app_configs())[-1]:
        sync_role_groups()

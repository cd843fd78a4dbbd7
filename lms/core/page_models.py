"""What the project's page types and settings share (imported by models, so nothing here
may import a view)."""

import copy

from wagtail.models import PageViewRestriction

from .caching import bump, cached, memoized


class CachedViewRestrictionsMixin:
    """Page types that check their view restrictions (Wagtail asks on every serve: two
    queries) against a list kept until a page or a restriction changes."""

    def get_view_restrictions(self):
        ids = cached(
            ("restrictions", self.pk),
            depends_on=("pages", "restrictions"),
            compute=lambda: list(
                super(CachedViewRestrictionsMixin, self)
                .get_view_restrictions()
                .values_list("pk", flat=True)
            ),
        )
        if not ids:
            return PageViewRestriction.objects.none()  # answered without a query
        return PageViewRestriction.objects.filter(pk__in=ids)


class CachedSettingMixin:
    """Wagtail settings (generic or per site) read from each process's memory until they are
    saved again (Wagtail asks the database each time a page names one)."""

    @classmethod
    def _generation(cls):
        return f"setting:{cls._meta.label_lower}"

    @classmethod
    def _get_or_create(cls):  # BaseGenericSetting.load()
        instance = memoized(
            ("setting", cls._meta.label_lower),
            depends_on=(cls._generation(),),
            compute=super()._get_or_create,
        )
        return copy.copy(instance)

    @classmethod
    def for_site(cls, site):  # BaseSiteSetting.for_request()
        if site is None:
            return super().for_site(site)
        instance = memoized(
            ("setting", cls._meta.label_lower, site.pk),
            depends_on=(cls._generation(),),
            compute=lambda: super(CachedSettingMixin, cls).for_site(site),
        )
        return copy.copy(instance)

    def save(self, *args, **kwargs):
        changed = not self._state.adding  # made on its first read: nothing kept it yet
        super().save(*args, **kwargs)
        if changed:
            bump(self._generation())

"""Wagtail ModelViewSets limited to what the signed-in staff member may see.

A viewset using ScopedViewSetMixin defines scope_queryset(queryset, user); its list, export,
edit and delete views then use only that queryset, so a staff member who types another region's
object id into the address bar gets a 404, not the object."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from wagtail.admin.views.generic import history, usage
from wagtail.admin.views.generic import models as generic

from .spreadsheets import as_text


class _ScopedIndexView(generic.IndexView):
    scope = None

    def preprocess_field_value(self, field, value, export_format):
        # A cell the spreadsheet would run (a mentor's "=HYPERLINK(…)" in a contact summary)
        # stays text in the CSV and the Excel file alike, as in every spreadsheet the platform
        # writes (spreadsheets.as_text).
        return as_text(super().preprocess_field_value(field, value, export_format))

    def get_base_queryset(self):
        return self.scope(super().get_base_queryset(), self.request.user)


class _ScopedEditView(generic.EditView):
    scope = None

    def get_queryset(self):
        return self.scope(super().get_queryset(), self.request.user)


class _ScopedDeleteView(generic.DeleteView):
    scope = None

    def get_queryset(self):
        return self.scope(super().get_queryset(), self.request.user)


class _InScopeObjectMixin:
    """For views that load their object themselves: 404 when it is outside the scope."""

    scope = None

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not self.scope(self.model._default_manager.filter(pk=obj.pk), self.request.user):
            raise Http404
        return obj


class _ScopedHistoryView(_InScopeObjectMixin, history.HistoryView):
    pass


class _ScopedUsageView(_InScopeObjectMixin, usage.UsageView):
    pass


class _ScopedInspectView(_InScopeObjectMixin, generic.InspectView):
    pass


class ServiceErrorsOnFormMixin:
    """For create/edit views whose save_instance() calls a service: a ValidationError or
    PermissionDenied from the service is shown on the form, and nothing is saved."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except (ValidationError, PermissionDenied) as exc:
            add_service_error(form, exc)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


def add_service_error(form, exc):
    """Show a service's ValidationError / PermissionDenied on a form, on the right fields
    where the form has them."""
    if isinstance(exc, PermissionDenied):
        form.add_error(None, str(exc))
    elif hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


class ScopedViewSetMixin:
    index_view_class = _ScopedIndexView
    edit_view_class = _ScopedEditView
    delete_view_class = _ScopedDeleteView
    history_view_class = _ScopedHistoryView
    usage_view_class = _ScopedUsageView
    inspect_view_class = _ScopedInspectView
    inspect_view_enabled = False

    # A WagtailAdminModelForm that limits its choices with self.for_user.
    form_class = None

    def get_form_class(self, for_update=False):
        return self.form_class

    def scope_queryset(self, queryset, user):
        raise NotImplementedError

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(scope=self.scope_queryset, **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(scope=self.scope_queryset, **kwargs)

    def get_delete_view_kwargs(self, **kwargs):
        return super().get_delete_view_kwargs(scope=self.scope_queryset, **kwargs)

    def get_history_view_kwargs(self, **kwargs):
        return super().get_history_view_kwargs(scope=self.scope_queryset, **kwargs)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(scope=self.scope_queryset, **kwargs)

    def get_usage_view_kwargs(self, **kwargs):
        return super().get_usage_view_kwargs(scope=self.scope_queryset, **kwargs)

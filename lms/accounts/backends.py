"""The login backends, with the signed-in person's account read from each process's memory
(it is read on every page) until her row changes: saving or deleting a user bumps her
generation (lms/core/caching.py; AccountsConfig.ready). Each request gets its own fresh
instance built from the kept row, so nothing one request caches on it reaches another."""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import backends
from django.db import DEFAULT_DB_ALIAS

from lms.core.caching import learner_generation, memoized


class KeptUserMixin:
    def get_user(self, user_id):
        model = backends.UserModel
        try:
            pk = model._meta.pk.to_python(user_id)
        except Exception:  # noqa: BLE001 - a malformed session: nobody
            return None
        fields = [field.attname for field in model._meta.concrete_fields]
        row = memoized(
            ("user-row", pk),
            depends_on=(learner_generation(pk),),
            compute=lambda: model._default_manager.filter(pk=pk).values_list(*fields).first(),
        )
        if row is None:
            return None
        user = model.from_db(DEFAULT_DB_ALIAS, fields, row)
        return user if self.user_can_authenticate(user) else None


class ModelBackend(KeptUserMixin, backends.ModelBackend):
    pass


class AuthenticationBackend(KeptUserMixin, AllauthBackend):
    pass

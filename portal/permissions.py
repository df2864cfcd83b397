"""Permission predicates and the view guard built on them."""
from __future__ import annotations

from functools import wraps

from flask import abort
from flask_login import current_user

from portal.extensions import login_manager


def has_role(user, *roles: str) -> bool:
    return bool(user and user.is_authenticated and user.has_role(*roles))


def role_required(*roles: str):
    """Anonymous → login page; signed in without one of ``roles`` (admin passes) → 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not current_user.has_role(*roles):
                abort(403)
            return view(*args, **kwargs)

        wrapped.required_roles = roles  # read by the access-matrix test
        return wrapped

    return decorator

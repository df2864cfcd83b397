"""Import every model of the shared portal package so the metadata knows its tables."""
from portal.accounts.models import User, UserRole  # noqa: F401
from portal.audit import AuditEvent  # noqa: F401
from portal.outbox import OutboxMessage  # noqa: F401
from portal.settings import Setting  # noqa: F401
from portal.versions import ContentVersion  # noqa: F401
from portal.ward import ResidentialGroup  # noqa: F401

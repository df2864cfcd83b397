"""Emails to residents and Board members, composed from templates and sent through the outbox."""
from __future__ import annotations

from flask import render_template

from portal.outbox import enqueue_email


def email_submitter(submission, template: str, key: str, **context) -> bool:
    """Queue an email to the submitter when they left an address. ``template`` is a text template
    ``moderation/email/<template>.txt`` (in the templates folder of the domain that sends it) whose
    first line is the subject. Returns True if queued."""
    contact = submission.contact
    if contact is None or not contact.email:
        return False
    text = render_template(f"moderation/email/{template}.txt", submission=submission, **context)
    subject, _, body = text.partition("\n")
    enqueue_email(contact.email, subject.strip(), body.lstrip("\n"), key=f"{key}:{submission.id}")
    return True


def email_staff(address: str, template: str, key: str, **context) -> None:
    text = render_template(f"moderation/email/{template}.txt", **context)
    subject, _, body = text.partition("\n")
    enqueue_email(address, subject.strip(), body.lstrip("\n"), key=key)

"""Atom feeds of published disclosures: overall and per category (no personal data)."""
from __future__ import annotations

import datetime as dt
from xml.etree.ElementTree import Element, SubElement, tostring

from flask import Blueprint, Response, abort, current_app
from sqlalchemy import select

from portal.extensions import db
from portal.sanitize import strip_tags
from portal.urls import public_url_for
from public_docs.disclosures.models import CATEGORIES, Disclosure, DisclosureStatus

bp = Blueprint("disclosures_feeds", __name__)

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50


def _iso(value: dt.datetime | None) -> str:
    value = value or dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _feed(category: str | None) -> Response:
    stmt = select(Disclosure).where(Disclosure.status.in_([DisclosureStatus.published, DisclosureStatus.withdrawn]))
    if category:
        stmt = stmt.where(Disclosure.category == category)
    items = db.session.scalars(stmt.order_by(Disclosure.updated_at.desc(), Disclosure.id.desc()).limit(FEED_SIZE)).all()
    ward = current_app.config["WARD_NAME"]
    self_url = (
        public_url_for("disclosures_feeds.category_feed", category=category)
        if category else public_url_for("disclosures_feeds.feed")
    )
    feed = Element("feed", xmlns=ATOM)
    feed.set("xml:lang", "vi")
    title = f"Công khai thông tin – {ward}" + (f" – {CATEGORIES[category]}" if category else "")
    SubElement(feed, "title").text = title
    SubElement(feed, "id").text = self_url
    SubElement(feed, "updated").text = _iso(max((d.updated_at for d in items), default=None))
    SubElement(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    SubElement(feed, "link", rel="alternate", type="text/html",
               href=public_url_for("disclosures.disclosure_list", category=category))
    author = SubElement(feed, "author")
    SubElement(author, "name").text = f"Ủy ban nhân dân {ward}"
    for d in items:
        link = public_url_for("disclosures.disclosure_detail", disclosure_id=d.id)
        entry = SubElement(feed, "entry")
        prefix = "[Đã thu hồi] " if d.status == DisclosureStatus.withdrawn else ""
        SubElement(entry, "title").text = f"{prefix}{d.number} – {d.title}"
        SubElement(entry, "id").text = link
        SubElement(entry, "link", rel="alternate", type="text/html", href=link)
        SubElement(entry, "published").text = _iso(d.published_at)
        SubElement(entry, "updated").text = _iso(d.updated_at)
        SubElement(entry, "category", term=d.category, label=d.category_label)
        summary = d.summary or strip_tags(d.body_html)[:400]
        if d.status == DisclosureStatus.withdrawn:
            summary = f"Văn bản đã được thu hồi. Lý do: {d.withdrawn_reason}"
        SubElement(entry, "summary", type="text").text = summary
    body = b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(feed, encoding="utf-8", xml_declaration=False)
    return Response(body, mimetype="application/atom+xml")


@bp.get("/cong-khai/atom.xml")
def feed():
    return _feed(None)


@bp.get("/cong-khai/linh-vuc/<category>/atom.xml")
def category_feed(category: str):
    if category not in CATEGORIES:
        abort(404)
    return _feed(category)

"""``flask --app portal disclosures import FILE.jsonl``: bulk import of disclosures.

One JSON object per line: ``number``, ``title``, ``category``, ``form``, ``issuer``, ``issued_on``,
``summary``, ``body``, optional ``files`` (paths relative to the manifest), ``publish`` (default
true) and the optional ``effective_on``, ``posting_start``, ``posting_end``,
``groups`` (residential-group codes), ``is_project``, ``comments_open_from``/``comments_open_until``.
A budget document (category ``budget``) gives ``budget_kind`` (draft_estimate, approved_estimate,
execution_quarter, execution_half_year, execution_year, final_accounts, audit), ``budget_year`` and,
for execution_quarter, ``budget_quarter`` (1-4). The former ``budget_period`` (quarter, half_year,
year, final) is still read: it names the execution or final-accounts kind, and without
``budget_year`` the fiscal year is the issue year (final accounts: the year before).
Re-importing a number updates that disclosure (a published one gets a new version); a bad line is
reported with its number and reason while the good lines still import.
An example manifest: ``public_docs/demo_data/import-example.jsonl``.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import click
from flask.cli import AppGroup

from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import _l
from public_docs.disclosures import services
from public_docs.disclosures.models import DisclosureStatus
from public_docs.disclosures.services import UploadedFile
from public_docs.search import apply_pending_changes

disclosures_cli = AppGroup("disclosures", help="Văn bản công khai: nhập dữ liệu.")

KNOWN_KEYS = {
    "number", "title", "category", "form", "issuer", "issued_on", "summary", "body", "files", "publish",
    "budget_kind", "budget_year", "budget_quarter", "budget_period", "effective_on", "posting_start",
    "posting_end", "groups", "is_project",
    "comments_open_from", "comments_open_until", "change_note",
}
REQUIRED = ("number", "title", "category", "issued_on")


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def _read_files(paths, base_dir: Path) -> list[UploadedFile]:
    if paths in (None, ""):
        return []
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        raise DomainError(_l("“files” phải là danh sách đường dẫn tệp."))
    out = []
    root = base_dir.resolve()
    for rel in paths:
        path = (base_dir / rel).resolve()
        if root not in path.parents and path != root:
            raise DomainError(_l("Tệp “%(path)s” nằm ngoài thư mục của tệp nhập liệu.", path=rel))
        if not path.is_file():
            raise DomainError(_l("Không tìm thấy tệp “%(path)s”.", path=rel))
        out.append(UploadedFile(path.name, path.read_bytes()))
    return out


def _data(obj: dict) -> dict:
    data = {k: obj.get(k) for k in (
        "number", "title", "summary", "body", "category", "budget_kind", "budget_year", "budget_quarter",
        "budget_period", "form", "issuer", "issued_on", "effective_on", "posting_start", "posting_end", "is_project",
    )}
    if not data["budget_kind"] and data["budget_period"] and data["budget_year"] in (None, ""):
        issued = str(data["issued_on"] or "")[:4]
        if issued.isdigit():
            data["budget_year"] = int(issued) - (1 if data["budget_period"] == "final" else 0)
    for k in ("summary", "body"):
        data[k] = data[k] or ""
    if obj.get("groups"):
        if not isinstance(obj["groups"], list):
            raise DomainError(_l("“groups” phải là danh sách mã tổ dân phố, ví dụ [\"TDP01\"]."))
        data["group_codes"] = [str(g) for g in obj["groups"]]
    return data


def import_record(obj: dict, base_dir: Path, actor="import", allow_publish: bool = True) -> str:
    """Import one record; return "created" | "updated" | "unchanged" or raise DomainError/DomainError."""
    if not isinstance(obj, dict):
        raise DomainError(_l("mỗi dòng phải là một đối tượng JSON {…}."))
    unknown = set(obj) - KNOWN_KEYS
    if unknown:
        raise DomainError(_l("trường không được hỗ trợ: %(names)s", names=", ".join(sorted(unknown))))
    missing = [k for k in REQUIRED if not obj.get(k)]
    if missing:
        raise DomainError(_l("thiếu trường bắt buộc: %(names)s", names=", ".join(missing)))
    if not isinstance(obj.get("number"), str):
        raise DomainError(_l("“number” phải là chuỗi."))
    publish = obj.get("publish", True)
    if not isinstance(publish, bool):
        raise DomainError(_l("“publish” phải là true hoặc false."))
    publish = publish and allow_publish
    files = _read_files(obj.get("files"), base_dir)
    data = _data(obj)
    existing = services.find_by_number(obj["number"])
    if existing is None:
        d = services.create_disclosure(data, actor=actor, files=files)
        if publish:
            services.publish_disclosure(d, actor=actor, secrecy_confirmed=True)
        result = "created"
    else:
        d = existing
        have = {a.sha256 for a in services.active_attachments(d)}
        new_files = [f for f in files if hashlib.sha256(f.data).hexdigest() not in have]
        if d.status == DisclosureStatus.draft:
            before = services.disclosure_data(d)
            services.update_disclosure(d, data, actor=actor, files=new_files)
            changed = bool(new_files) or services.disclosure_data(d) != before
            if publish:
                services.publish_disclosure(d, actor=actor, secrecy_confirmed=True)
                changed = True
            result = "updated" if changed else "unchanged"
        elif d.status == DisclosureStatus.withdrawn:
            raise DomainError(_l("văn bản %(number)s đã bị thu hồi, không cập nhật được.", number=d.number))
        else:
            try:
                services.amend_disclosure(
                    d, data, obj.get("change_note") or "Cập nhật theo dữ liệu nhập", actor=actor,
                    secrecy_confirmed=True, files=new_files,
                )
                result = "updated"
            except DomainError as exc:
                if "Không có thay đổi" not in exc.message:
                    raise
                result = "unchanged"
    if obj.get("comments_open_from") and obj.get("comments_open_until") and d.status == DisclosureStatus.published:
        if (d.comments_open_from, d.comments_open_until) != (
            services.parse_date(obj["comments_open_from"], "x", "x", {}),
            services.parse_date(obj["comments_open_until"], "x", "x", {}),
        ):
            services.open_for_comments(d, obj["comments_open_from"], obj["comments_open_until"], actor=actor)
            if result == "unchanged":
                result = "updated"
    return result


def import_records(records: Iterable[tuple[int, object]], base_dir: Path, actor="import",
                   allow_publish: bool = True) -> ImportReport:
    """Import (line number, parsed object or exception) pairs, each in its own savepoint."""
    report = ImportReport()
    for lineno, obj in records:
        if isinstance(obj, Exception):
            report.errors.append((lineno, str(obj)))
            continue
        savepoint = db.session.begin_nested()
        try:
            result = import_record(obj, base_dir, actor=actor, allow_publish=allow_publish)
        except DomainError as exc:
            savepoint.rollback()
            detail = "; ".join(exc.fields.values()) if exc.fields else exc.message
            report.errors.append((lineno, detail))
            continue
        savepoint.commit()
        setattr(report, result, getattr(report, result) + 1)
    return report


def parse_jsonl(text: str) -> list[tuple[int, object]]:
    out: list[tuple[int, object]] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            out.append((lineno, json.loads(line)))
        except json.JSONDecodeError as exc:
            out.append((lineno, DomainError(_l("JSON không hợp lệ (%(problem)s, cột %(column)s).",
                                               problem=exc.msg, column=exc.colno))))
    return out


@disclosures_cli.command("import")
@click.argument("manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--drafts", is_flag=True, help="Nhập tất cả dưới dạng bản nháp (không công bố).")
def import_cmd(manifest: Path, drafts: bool):
    """Nhập văn bản công khai từ tệp JSONL (mỗi dòng một văn bản).

    Dòng có "publish": true được công bố ngay: người chạy lệnh xác nhận các văn bản này không chứa
    bí mật nhà nước, bí mật công tác.
    """
    try:
        text = manifest.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise click.ClickException("Tệp nhập liệu phải mã hóa UTF-8.") from exc
    report = import_records(parse_jsonl(text), manifest.parent, actor="import", allow_publish=not drafts)
    db.session.commit()
    for lineno, reason in report.errors:
        click.echo(f"Dòng {lineno}: lỗi: {reason}", err=True)
    click.echo(
        f"Đã tạo {report.created}, cập nhật {report.updated}, không đổi {report.unchanged}, "
        f"lỗi {len(report.errors)}."
    )
    try:  # bring the search index up to date
        apply_pending_changes()
    except Exception as exc:  # noqa: BLE001 - the index can be rebuilt with `flask search sync`
        click.echo(f"Chưa cập nhật được chỉ mục tìm kiếm ({exc}); chạy `flask search sync`.", err=True)
    if report.errors:
        raise SystemExit(1)


def init_app(app) -> None:
    app.cli.add_command(disclosures_cli)

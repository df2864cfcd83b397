"""Uploads behind one interface (``portal.storage``): the same contract for the local directory and
an S3-compatible bucket (moto's in-process S3), and the portal's uploads and downloads through the
S3 backend with nothing written under ``UPLOAD_DIR``."""
from __future__ import annotations

import hashlib

import boto3
import pytest
from moto import mock_aws
from sqlalchemy import select

from portal import create_app
from portal.config import ConfigurationError
from portal.errors import DomainError
from portal.files import delete_stored, read_stored, store_bytes, stored_exists
from portal.storage import LocalStorage, S3Storage, storage
from public_docs.disclosures.models import Attachment
from public_docs.disclosures.services import UploadedFile
from tests.fixtures.files import pdf_bytes

BUCKET = "cong-dan-chu-tep"


@pytest.fixture
def aws(monkeypatch):
    for name, value in {"AWS_ACCESS_KEY_ID": "thu", "AWS_SECRET_ACCESS_KEY": "thu", "AWS_SESSION_TOKEN": "thu",
                        "AWS_DEFAULT_REGION": "ap-southeast-1"}.items():
        monkeypatch.setenv(name, value)
    with mock_aws():
        client = boto3.client("s3", region_name="ap-southeast-1")
        client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "ap-southeast-1"})
        yield client


@pytest.fixture(params=["local", "s3"])
def backend(request, tmp_path):
    if request.param == "local":
        return LocalStorage(tmp_path / "tep")
    request.getfixturevalue("aws")
    return S3Storage(BUCKET, "phuong/", region="ap-southeast-1")


def test_contract(backend):
    key = "ab/cd/abcd1234"
    assert not backend.exists(key) and backend.size(key) is None
    with pytest.raises(FileNotFoundError):
        backend.get(key)
    backend.put(key, b"%PDF-1.4 noi dung")
    assert backend.exists(key) and backend.size(key) == 17 and backend.get(key) == b"%PDF-1.4 noi dung"
    backend.put(key, b"%PDF-1.4 noi dung")  # the same content again: still one file, same bytes
    assert backend.get(key) == b"%PDF-1.4 noi dung"
    backend.put("ab/cd/khac", b"")
    assert backend.size("ab/cd/khac") == 0 and backend.get("ab/cd/khac") == b""
    backend.delete(key)
    backend.delete(key)  # deleting what is gone is fine
    assert not backend.exists(key) and backend.exists("ab/cd/khac")
    for bad in ("", "/etc/passwd", "../ngoai", "ab/../../x", "ab//cd", "ab\\cd"):
        with pytest.raises(ValueError):
            backend.put(bad, b"x")


def test_local_writes_are_atomic_files_under_the_root(tmp_path):
    store = LocalStorage(tmp_path / "tep")
    store.put("ab/cd/x", b"123")
    assert (tmp_path / "tep" / "ab" / "cd" / "x").read_bytes() == b"123"
    assert [p.name for p in (tmp_path / "tep" / "ab" / "cd").iterdir()] == ["x"]  # no temporary left


def test_s3_objects_under_the_prefix(aws):
    store = S3Storage(BUCKET, "phuong/", region="ap-southeast-1")
    store.put("ab/cd/x", b"123")
    keys = [o["Key"] for o in aws.list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert keys == ["phuong/ab/cd/x"]


def test_s3_unreachable_is_an_oserror_and_a_vietnamese_message(app, monkeypatch):
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "thu")
    from botocore.config import Config

    client = boto3.client("s3", endpoint_url="http://127.0.0.1:9", region_name="ap-southeast-1",
                          config=Config(retries={"max_attempts": 1}, connect_timeout=1, read_timeout=1))
    store = S3Storage(BUCKET, client=client)
    with pytest.raises(OSError):
        store.put("ab/cd/x", b"1")
    app.extensions["upload_storage"] = store
    with pytest.raises(DomainError) as exc:
        store_bytes(b"%PDF-1.4 x")
    assert "Không lưu được tệp" in str(exc.value.message)


@pytest.mark.parametrize("env, message", [
    ({"UPLOAD_STORAGE": "ftp"}, "UPLOAD_STORAGE='ftp'"),
    ({"UPLOAD_STORAGE": "s3"}, "S3_BUCKET"),
])
def test_wrong_settings_stop_the_start(app, monkeypatch, env, message):
    monkeypatch.setenv("PORTAL_ENV", "testing")
    monkeypatch.setenv("DATABASE_URL", app.config["SQLALCHEMY_DATABASE_URI"])
    monkeypatch.delenv("S3_BUCKET", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigurationError, match=message):
        create_app({"SECRET_KEY": "x", "UPLOAD_DIR": app.config["UPLOAD_DIR"]})


def test_the_default_is_the_upload_dir(app, db, tmp_path):
    assert isinstance(storage(), LocalStorage) and str(storage().root) == app.config["UPLOAD_DIR"]
    digest = store_bytes(b"%PDF-1.4 tep")
    assert digest == hashlib.sha256(b"%PDF-1.4 tep").hexdigest()
    assert (tmp_path / "files" / digest[:2] / digest[2:4] / digest).read_bytes() == b"%PDF-1.4 tep"
    assert stored_exists(digest) and read_stored(digest) == b"%PDF-1.4 tep"
    delete_stored(digest)
    assert not stored_exists(digest)


class TestThroughS3:
    @pytest.fixture
    def config_overrides(self, aws):
        return {"UPLOAD_STORAGE": "s3", "S3_BUCKET": BUCKET, "S3_REGION": "ap-southeast-1", "S3_PREFIX": "hoa-an/"}

    def test_disclosure_attachment_uploaded_and_downloaded(self, app, db, client, make_disclosure, aws, tmp_path):
        data = pdf_bytes("Kế hoạch sử dụng đất năm 2027 của phường Hòa An")
        d = make_disclosure(files=[UploadedFile("ke hoach.pdf", data)])
        att = db.session.scalar(select(Attachment))
        digest = hashlib.sha256(data).hexdigest()
        assert att.sha256 == digest and "Kế hoạch sử dụng đất năm 2027" in att.text
        body = aws.get_object(Bucket=BUCKET, Key=f"hoa-an/{digest[:2]}/{digest[2:4]}/{digest}")["Body"].read()
        assert body == data
        resp = client.get(f"/cong-khai/{d.id}/tep/{att.id}/ke-hoach.pdf")
        assert resp.status_code == 200 and resp.data == data
        assert not (tmp_path / "files").exists() or not any((tmp_path / "files").rglob("*"))
        aws.delete_object(Bucket=BUCKET, Key=f"hoa-an/{digest[:2]}/{digest[2:4]}/{digest}")
        assert client.get(f"/cong-khai/{d.id}/tep/{att.id}/ke-hoach.pdf").status_code == 404

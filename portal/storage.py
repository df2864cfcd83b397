"""Where uploaded files live: one small interface, two backends.

Files are addressed by a key (``portal.files`` uses ``ab/cd/<sha256>``) and never changed once
written: the same key always holds the same bytes. Every reader and writer of uploads goes through
``storage()`` (``portal.files.store_bytes``, ``read_stored``, ``delete_stored``).

- ``LocalStorage`` (``UPLOAD_STORAGE=local``, the default): a directory, ``UPLOAD_DIR``. Writes are
  atomic (a unique temporary name, ``fsync``, ``os.replace``). Several hosts share it as one mount
  (NFS or similar, the same path everywhere).
- ``S3Storage`` (``UPLOAD_STORAGE=s3``): a bucket of any S3-compatible store (AWS S3, MinIO, Ceph,
  a provider's object storage): ``S3_BUCKET``, ``S3_ENDPOINT_URL`` (empty for AWS), ``S3_REGION``,
  ``S3_PREFIX`` (default ``files/``); credentials from the standard ``AWS_ACCESS_KEY_ID`` /
  ``AWS_SECRET_ACCESS_KEY`` variables (or an instance role). Needs boto3: ``pip install '.[s3]'``.
  An object PUT is atomic by itself.

Errors are ``OSError`` for both (``FileNotFoundError`` for a missing key), so callers handle a
full disk and an unreachable store alike.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Protocol

from flask import Flask, current_app

from portal.config import ConfigurationError


class Storage(Protocol):
    def put(self, key: str, data: bytes) -> None: ...
    def get(self, key: str) -> bytes: ...
    def size(self, key: str) -> int | None: ...
    def exists(self, key: str) -> bool: ...
    def delete(self, key: str) -> None: ...


def _check_key(key: str) -> str:
    parts = key.split("/")
    if not key or key.startswith("/") or any(p in ("", ".", "..") for p in parts) or "\\" in key:
        raise ValueError(f"bad storage key: {key!r}")
    return key


class LocalStorage:
    """Files under one directory (``UPLOAD_DIR``)."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)

    def path(self, key: str) -> Path:
        return self.root / _check_key(key)

    def put(self, key: str, data: bytes) -> None:
        target = self.path(key)
        # A unique temporary name: threads and processes may store the same content at once.
        tmp = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:12]}.tmp")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)  # ENOSPC may already come from here
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except OSError:
            tmp.unlink(missing_ok=True)
            raise

    def get(self, key: str) -> bytes:
        return self.path(key).read_bytes()

    def size(self, key: str) -> int | None:
        try:
            return self.path(key).stat().st_size
        except FileNotFoundError:
            return None

    def exists(self, key: str) -> bool:
        return self.size(key) is not None

    def delete(self, key: str) -> None:
        self.path(key).unlink(missing_ok=True)


class S3Storage:
    """Objects in an S3-compatible bucket, ``<prefix><key>``."""

    def __init__(self, bucket: str, prefix: str = "files/", client=None, *, endpoint_url: str | None = None,
                 region: str | None = None):
        if client is None:
            import boto3  # the s3 extra (pip install '.[s3]'), which UPLOAD_STORAGE=s3 requires (README)

            client = boto3.client("s3", endpoint_url=endpoint_url or None, region_name=region or None)
        self.client = client
        self.bucket = bucket
        self.prefix = prefix

    def _key(self, key: str) -> str:
        return self.prefix + _check_key(key)

    def _call(self, method: str, key: str, **kw):
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            return getattr(self.client, method)(Bucket=self.bucket, Key=self._key(key), **kw)
        except ClientError as exc:
            code = str(exc.response.get("Error", {}).get("Code", ""))
            if code in ("404", "NoSuchKey", "NotFound"):
                raise FileNotFoundError(key) from exc
            raise OSError(f"S3 {method} {key}: {code or exc}") from exc
        except BotoCoreError as exc:  # unreachable endpoint, credentials, timeouts
            raise OSError(f"S3 {method} {key}: {exc}") from exc

    def put(self, key: str, data: bytes) -> None:
        self._call("put_object", key, Body=data, ContentLength=len(data))

    def get(self, key: str) -> bytes:
        return self._call("get_object", key)["Body"].read()

    def size(self, key: str) -> int | None:
        try:
            return int(self._call("head_object", key)["ContentLength"])
        except FileNotFoundError:
            return None

    def exists(self, key: str) -> bool:
        return self.size(key) is not None

    def delete(self, key: str) -> None:
        self._call("delete_object", key)  # deleting a missing key succeeds on S3


def build_storage(app: Flask) -> Storage:
    """The backend named by ``UPLOAD_STORAGE``; a wrong setting stops the start with a message."""
    kind = (app.config.get("UPLOAD_STORAGE") or "local").strip().lower()
    if kind == "local":
        return LocalStorage(app.config["UPLOAD_DIR"])
    if kind == "s3":
        bucket = app.config.get("S3_BUCKET")
        if not bucket:
            raise ConfigurationError("UPLOAD_STORAGE=s3 needs S3_BUCKET (the bucket's name).")
        prefix = app.config.get("S3_PREFIX")
        return S3Storage(bucket, "files/" if prefix is None else prefix,
                         endpoint_url=app.config.get("S3_ENDPOINT_URL"), region=app.config.get("S3_REGION"))
    raise ConfigurationError(f"UPLOAD_STORAGE={kind!r}: use 'local' (UPLOAD_DIR) or 's3'.")


def init_app(app: Flask) -> None:
    app.extensions["upload_storage"] = build_storage(app)


def storage() -> Storage:
    """The current app's upload storage."""
    store = current_app.extensions.get("upload_storage")
    if store is None:  # an app made without init_app (a test's bare app)
        store = current_app.extensions["upload_storage"] = build_storage(current_app)
    return store

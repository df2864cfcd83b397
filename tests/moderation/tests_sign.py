"""Re-export of the shared ``sign_in`` helper under a module name unique to this folder."""
from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("_root_conftest_b", Path(__file__).resolve().parent.parent / "conftest.py")
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
sign_in = _mod.sign_in

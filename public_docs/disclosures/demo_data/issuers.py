"""The bodies that issue the demo disclosures of Phường Hòa An (fictional ward)."""
from __future__ import annotations

UB = "UBND phường Hòa An"
HDND = "HĐND phường Hòa An"
BAN_TTND = "Ban Thanh tra nhân dân phường Hòa An"
MTTQ = "Ủy ban MTTQ Việt Nam phường Hòa An"

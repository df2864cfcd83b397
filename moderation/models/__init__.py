"""Moderation models: what residents send (submissions) and the Boards' work on it (boards)."""
from moderation.models.submissions import *  # noqa: F401,F403
from moderation.models.boards import *  # noqa: F401,F403

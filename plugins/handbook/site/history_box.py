"""The theme icons of the page history box and the review line (Material's and Zensical's
`.icons/` names), shared by the plugin (`history.py`, `reviews.py`) and the Zensical extension
(`boxes.py`). The markup itself is `box_markup.py`'s.
"""

from __future__ import annotations

ICONS = {
    "updated": "material/clock-edit-outline",
    "created": "material/clock-plus-outline",
    "contributor": "material/account",
    "contributors": "material/account-group",
}
"""The theme icon of each fact."""
REVIEW_ICON = "material/calendar-check-outline"
DISCUSS_ICON = "material/chat-outline"

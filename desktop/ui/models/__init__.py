"""Qt item models over plain row snapshots from the store."""

# The report list's first row: every report's measures in one list. Here, Qt-free, for the window's frame.
ALL_REPORTS = -1

"""Qt item models over plain row snapshots from the store."""

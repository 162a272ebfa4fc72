"""The 台账 (work ledger) workbook: plain rows in, an Excel file out, and filled-in files back to rows.

Qt-free and database-free: the services turn store rows into `LedgerRow`s and back. The writer lives in
`ledger_write` (xlsxwriter), the reader in `ledger_read` (openpyxl), the shared layout in `ledger_model`.
"""

from desktop.core.ledger_model import (
    COLUMNS_HIDDEN,
    COLUMNS_MAIN,
    DONE_STATUSES,
    LEDGER_SHEET,
    LIGHT_TEXT,
    MERGE_FIELDS,
    META_SHEET,
    RECONCILE_SHEET,
    SIGNATURE_FIELDS,
    STATS_SHEET,
    STATUSES,
    Column,
    LedgerError,
    LedgerMeta,
    LedgerReadError,
    LedgerReadResult,
    LedgerRow,
    LedgerSheet,
    LedgerStats,
    LedgerStatsRow,
    LedgerWriteError,
    Reconcile,
    ReconcileRow,
    Signature,
    columns,
    date_words,
)
from desktop.core.ledger_read import parse_date, read_ledger
from desktop.core.ledger_write import write_ledger

__all__ = [
    "COLUMNS_HIDDEN", "COLUMNS_MAIN", "DONE_STATUSES", "LEDGER_SHEET", "LIGHT_TEXT", "MERGE_FIELDS",
    "META_SHEET", "RECONCILE_SHEET", "SIGNATURE_FIELDS", "STATS_SHEET", "STATUSES", "Column", "LedgerError", "LedgerMeta", "LedgerReadError",
    "LedgerReadResult", "LedgerRow", "LedgerSheet", "LedgerStats", "LedgerStatsRow", "LedgerWriteError",
    "Reconcile", "ReconcileRow", "Signature", "columns", "date_words", "parse_date", "read_ledger", "write_ledger",
]

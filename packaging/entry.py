"""The bundle's entry script: what the `halfyear` console script does, plus freeze support for the parser process."""

import multiprocessing
import sys

from desktop.__main__ import main

if __name__ == "__main__":
    # The parser runs in a spawned process; in a frozen app that process is this executable again, and
    # freeze_support() turns it into the worker instead of a second window.
    multiprocessing.freeze_support()
    sys.exit(main())

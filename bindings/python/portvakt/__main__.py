"""python3 -m portvakt: the command line (see portvakt._cli)."""

import sys

from ._cli import main

if __name__ == "__main__":
    try:
        status = main()
    except KeyboardInterrupt:  # Ctrl-C between main's own handlers: still quiet
        status = 130
    sys.exit(status)

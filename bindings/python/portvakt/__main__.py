"""python3 -m portvakt: the command line (see portvakt._cli)."""

import sys

from ._cli import main

if __name__ == "__main__":
    sys.exit(main())

"""python3 -m portvakt: the command line (see portvakt._cli)."""

import sys

if __name__ == "__main__":
    try:
        from ._cli import main  # Ctrl-C while the package is imported: quiet too

        status = main()
    except KeyboardInterrupt:  # Ctrl-C between main's own handlers: still quiet
        status = 130
    sys.exit(status)

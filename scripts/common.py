"""What the scripts in this folder share: where the checkout is and which valley to run."""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def find_valley(explicit):
    """The binary given with --valley, else a built one (release first, then debug)."""
    if explicit:
        return explicit
    for config in ("release", "debug"):
        path = os.path.join(ROOT, ".build", config, "valley")
        if os.access(path, os.X_OK):
            return path
    sys.exit("no built valley: run `swift build -c release` or pass --valley PATH")

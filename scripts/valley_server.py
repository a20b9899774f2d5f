"""Starting `valley serve` for the load scripts (serve_load.py, classroom_load.py)."""
import re
import subprocess
import sys


def start(valley, arguments, env=None):
    """Starts `valley serve --port 0 ARGUMENTS...`; returns the process and its base URL
    (read from the line the server prints when it listens)."""
    process = subprocess.Popen(
        [valley, "serve", "--port", "0"] + arguments,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    line = process.stdout.readline()
    match = re.search(r"http://[^ ]+/", line)
    if not match:
        process.kill()
        sys.exit("the server did not start: " + line + process.stderr.read())
    return process, match.group(0).rstrip("/")

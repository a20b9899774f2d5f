#!/usr/bin/env python3
"""How long `valley lsp` takes from a change in one file to fresh diagnostics.

Starts the server on a folder of knowledge files (default: the bundled Knowledge/), opens
one file, then replaces its text again and again, alternately breaking it and mending it,
and times each change until the server publishes diagnostics for that version.

    scripts/lsp-latency.py [--valley .build/release/valley] [--folder Knowledge] [--changes 40]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser()
    parser.add_argument("--valley", default=os.path.join(here, ".build/release/valley"))
    parser.add_argument("--folder", default=os.path.join(here, "Knowledge"))
    parser.add_argument("--changes", type=int, default=40)
    options = parser.parse_args()
    folder = os.path.abspath(options.folder)
    server = subprocess.Popen([options.valley, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def send(message):
        body = json.dumps(message).encode()
        server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        server.stdin.flush()

    def receive():
        header = b""
        while not header.endswith(b"\r\n\r\n"):
            byte = server.stdout.read(1)
            if not byte:
                sys.exit("the server closed its output")
            header += byte
        length = int(header.split(b":")[1].split(b"\r\n")[0])
        return json.loads(server.stdout.read(length))

    def diagnostics_for(uri, version):
        while True:
            message = receive()
            params = message.get("params", {})
            if message.get("method") == "textDocument/publishDiagnostics" and params.get("uri") == uri \
                    and params.get("version") == version:
                return params["diagnostics"]

    send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
          "params": {"processId": None, "rootUri": "file://" + folder, "capabilities": {}}})
    receive()
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    files = sorted(name for name in os.listdir(folder) if name.endswith(".kb"))
    path = os.path.join(folder, files[len(files) // 2])
    uri = "file://" + path
    text = open(path, encoding="utf-8").read()
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "valley", "version": 1, "text": text}}})
    diagnostics_for(uri, 1)
    timings = []
    for version in range(2, options.changes + 2):
        broken = version % 2 == 0
        new_text = text + ("\nbroken(X) :- no_such_predicate(X).\n" if broken else "")
        start = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri, "version": version},
                         "contentChanges": [{"text": new_text}]}})
        found = diagnostics_for(uri, version)
        timings.append((time.perf_counter() - start) * 1000)
        codes = [d["code"] for d in found]
        if broken != ("E202" in codes):
            sys.exit(f"version {version}: unexpected diagnostics {codes}")
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    send({"jsonrpc": "2.0", "method": "exit"})
    server.wait(timeout=10)
    print(f"{len(files)} knowledge files in {folder}; changed {os.path.basename(path)} {len(timings)} times")
    print(f"change to fresh diagnostics: median {statistics.median(timings):.1f} ms, "
          f"max {max(timings):.1f} ms, min {min(timings):.1f} ms")


if __name__ == "__main__":
    main()

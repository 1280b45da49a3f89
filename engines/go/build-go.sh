#!/usr/bin/env bash
# Builds the Go engines library into OUTPUT_DIR/linux-x86-64/libstorebench_go.so (JNA's resource
# layout); without Go on the PATH it writes io/storebench/engine/go/unavailable.txt saying why.
set -euo pipefail
out="${1:?usage: build-go.sh OUTPUT_DIR}"
cd "$(dirname "$0")/src/main/go"
if ! command -v go >/dev/null 2>&1; then
    mkdir -p "$out/io/storebench/engine/go"
    echo "built without Go: install Go 1.26 and run mvn verify" > "$out/io/storebench/engine/go/unavailable.txt"
    exit 0
fi
mkdir -p "$out/linux-x86-64"
rm -f "$out/io/storebench/engine/go/unavailable.txt"
go build -buildmode=c-shared -trimpath -o "$out/linux-x86-64/libstorebench_go.so" .
rm -f "$out/linux-x86-64/libstorebench_go.h"

#!/usr/bin/env bash
# Builds the Go engines library (badger, bbolt, pebble, goleveldb, go-null) into
# OUTPUT_DIR/linux-x86-64/libstorebench_go.so, JNA's resource layout, with the versions pinned in
# src/main/go/go.mod and go.sum. Run by `mvn verify` (engines/go/pom.xml) in generate-resources.
#
# Go is the `go` on the PATH, else /usr/local/go/bin/go (where go.dev's archive installs it), else
# $GO (GO=none builds without Go, as on a machine that has none). Without Go, or on a platform other than linux-x86-64, it writes
# OUTPUT_DIR/io/storebench/engine/go/unavailable.txt saying why; the build still passes and the Go
# engines are listed as unavailable with that reason.
set -euo pipefail
out="${1:?usage: build-go.sh OUTPUT_DIR}"
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/go-env.sh"
cd "$here/src/main/go"
reason_file="$out/io/storebench/engine/go/unavailable.txt"
library="$out/linux-x86-64/libstorebench_go.so"

unavailable() {
    mkdir -p "$(dirname "$reason_file")"
    rm -f "$library"
    echo "$1" > "$reason_file"
    echo "[WARNING] build-go.sh: engines badger, bbolt, pebble, goleveldb and go-null are NOT built: $1" >&2
    exit 0
}

[ "${GO:-}" != none ] || unavailable "built without Go (GO=none): install Go 1.26 (go.dev/dl) and run mvn verify again"
go="$(find_go)"
[ -n "$go" ] || unavailable "built without Go: install Go 1.26 (go.dev/dl) and run mvn verify again"
platform="$(uname -s)-$(uname -m)"
[ "$platform" = "Linux-x86_64" ] || unavailable "built on $platform: the Go library is built for Linux x86-64 only"

# The JNI shim (src/main/go/jni.c) needs jni.h. The Java side must find it (GoJni): the build
# fails rather than leave it out.
CGO_CFLAGS="$(jni_cflags)" || exit 1
export CGO_CFLAGS

version="$("$go" env GOVERSION)"
echo "build-go.sh: building the Go engines with $version ($go), cgo flags $CGO_CFLAGS"
rm -f "$reason_file"
mkdir -p "$(dirname "$library")"
# -trimpath: no build paths in the library; -s -w: no symbol table or DWARF (a third of its size); the module versions come from go.sum (read-only).
if ! CGO_ENABLED=1 "$go" build -mod=readonly -tags jni -buildmode=c-shared -trimpath -ldflags="-s -w" -o "$library.tmp" .; then
    rm -f "$library.tmp" "$library.h"
    echo "build-go.sh: go build failed (see above)" >&2
    exit 1
fi
mv "$library.tmp" "$library"
rm -f "$library.h"

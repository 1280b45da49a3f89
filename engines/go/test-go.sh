#!/usr/bin/env bash
# Runs the Go library's own tests (src/main/go/*_test.go: close leaves no goroutine or file
# descriptor after 100 opens per engine, the stats lines, value-log GC). Run by `mvn verify` in
# the test phase (engines/go/pom.xml; skipped with -DskipTests); without Go it says so and passes,
# as the Java tests of the Go engines skip (under STOREBENCH_CI=1 they fail instead).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/go-env.sh"
cd "$here/src/main/go"
[ "${GO:-}" != none ] || { echo "test-go.sh: GO=none: the Go library's tests are not run"; exit 0; }
go="$(find_go)"
[ -n "$go" ] || { echo "test-go.sh: no Go: the Go library's tests are not run"; exit 0; }
CGO_CFLAGS="$(jni_cflags)" || exit 1
export CGO_CFLAGS
CGO_ENABLED=1 "$go" test -mod=readonly -tags jni -count=1 .

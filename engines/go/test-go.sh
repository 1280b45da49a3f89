#!/usr/bin/env bash
# Runs the Go library's own tests (src/main/go/*_test.go: close leaves no goroutine or file
# descriptor after 100 opens per engine, the stats lines, value-log GC). Run by `mvn verify` in
# the test phase (engines/go/pom.xml; skipped with -DskipTests); without Go it says so and passes,
# as the Java tests of the Go engines skip (under STOREBENCH_CI=1 they fail instead).
set -euo pipefail
cd "$(dirname "$0")/src/main/go"
go="${GO:-}"
[ "$go" != none ] || { echo "test-go.sh: GO=none: the Go library's tests are not run"; exit 0; }
[ -n "$go" ] || go="$(command -v go || true)"
[ -n "$go" ] || { [ -x /usr/local/go/bin/go ] && go=/usr/local/go/bin/go; }
[ -n "$go" ] || { echo "test-go.sh: no Go: the Go library's tests are not run"; exit 0; }
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
export CGO_CFLAGS="-I$java_home/include -I$java_home/include/linux"
CGO_ENABLED=1 "$go" test -mod=readonly -tags jni -count=1 .

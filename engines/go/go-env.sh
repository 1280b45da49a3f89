# Sourced by build-go.sh and test-go.sh: where Go is, and the JNI headers cgo compiles jni.c with.

# find_go prints the Go to use: $GO, else the `go` on the PATH, else /usr/local/go/bin/go (where
# go.dev's archive installs it); nothing when there is none or GO=none.
find_go() {
    [ "${GO:-}" != none ] || return 0
    if [ -n "${GO:-}" ]; then echo "$GO"; return 0; fi
    command -v go && return 0
    [ -x /usr/local/go/bin/go ] && echo /usr/local/go/bin/go
    return 0
}

# jni_cflags prints the cgo flags that find jni.h: in JAVA_HOME (Maven passes its own), else in
# the JDK of the javac on the PATH; fails with a line on stderr when that JDK has none.
jni_cflags() {
    local java_home="${JAVA_HOME:-}"
    [ -n "$java_home" ] || java_home="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
    if [ ! -f "$java_home/include/jni.h" ]; then
        echo "$(basename "$0"): no jni.h under $java_home/include: set JAVA_HOME to a JDK" >&2
        return 1
    fi
    echo "-I$java_home/include -I$java_home/include/linux"
}

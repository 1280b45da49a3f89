// Package main is StoreBench's Go engines library (badger, bbolt, pebble, goleveldb, go-null),
// built with -buildmode=c-shared and called from Java through JNA. Handles are ints into a Go
// map: no Go pointer crosses the boundary. Every export recovers a panic into an error string.
package main

/*
#include <stdlib.h>
#include <string.h>
*/
import "C"

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

type op struct {
	del  bool
	k, v []byte
}

type store interface {
	// get copies the value of k into dst when it fits and returns its length either way.
	get(k, dst []byte) (n int, found bool, err error)
	put(k, v []byte) error
	del(k []byte) error
	scan(start []byte, fn func(k, v []byte) bool) error
	write(ops []op) error
	close() error
}

var (
	// handles maps handle numbers to open stores: a map replaced whole on open and close (under
	// handlesMu) and read without a lock or an allocation on every operation.
	handles   atomic.Pointer[map[int64]*handle]
	handlesMu sync.Mutex
	next      atomic.Int64
)

// updateHandles replaces the handle map by a copy that change has modified.
func updateHandles(change func(m map[int64]*handle)) {
	handlesMu.Lock()
	defer handlesMu.Unlock()
	m := map[int64]*handle{}
	if old := handles.Load(); old != nil {
		for k, v := range *old {
			m[k] = v
		}
	}
	change(m)
	handles.Store(&m)
}

func main() {}

func cerr(err error) *C.char {
	if err == nil {
		return nil
	}
	return C.CString(err.Error())
}

// guard runs f, turning an error or a panic into a C string the caller frees with sb_free.
func guard(f func() error) (res *C.char) {
	defer func() {
		if r := recover(); r != nil {
			res = C.CString(fmt.Sprintf("go panic: %v", r))
		}
	}()
	return cerr(f())
}

// handle is what a handle number maps to: the store and the Go runtime figures taken at open.
type handle struct {
	s  store
	gc *gcTracker
}

func lookupHandle(h int64) (*handle, error) {
	if m := handles.Load(); m != nil {
		if hd, ok := (*m)[h]; ok {
			return hd, nil
		}
	}
	return nil, fmt.Errorf("no open store with handle %d", h)
}

func lookup(h C.longlong) (store, error) {
	hd, err := lookupHandle(int64(h))
	if err != nil {
		return nil, err
	}
	return hd.s, nil
}

// openHandle opens a store and registers it under a new handle (sb_open's Go side).
func openHandle(engine, dir string, strict bool, cache int64, opts map[string]string) (int64, error) {
	gc := newGCTracker() // before open, so the counters since open include the open itself
	s, err := open(engine, dir, strict, cache, opts)
	if err != nil {
		return 0, err
	}
	h := next.Add(1)
	updateHandles(func(m map[int64]*handle) { m[h] = &handle{s: s, gc: gc} })
	return h, nil
}

// closeHandle closes and forgets a store (sb_close's Go side); an unknown handle is a no-op.
func closeHandle(h int64) error {
	var hd *handle
	updateHandles(func(m map[int64]*handle) {
		hd = m[h]
		delete(m, h)
	})
	if hd == nil {
		return nil
	}
	return hd.s.close()
}

func parseOptions(text string) map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(text, "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			m[k] = v
		}
	}
	return m
}

//export sb_open
func sb_open(engine, dir *C.char, strict C.int, cacheBytes C.longlong, options *C.char, out *C.longlong) *C.char {
	return guard(func() error {
		h, err := openHandle(C.GoString(engine), C.GoString(dir), strict != 0, int64(cacheBytes), parseOptions(C.GoString(options)))
		if err != nil {
			return err
		}
		*out = C.longlong(h)
		return nil
	})
}

func open(engine, dir string, strict bool, cache int64, opts map[string]string) (store, error) {
	switch engine {
	case "badger":
		return openBadger(dir, strict, cache, opts)
	case "bbolt":
		return openBolt(dir, strict)
	case "pebble":
		return openPebble(dir, strict, cache, opts)
	case "goleveldb":
		return openLevel(dir, strict, cache, opts)
	case "go-null":
		return nullStore{value: make([]byte, 100)}, nil
	case "go-panic":
		panic("test hook: a panic inside the Go library")
	}
	return nil, fmt.Errorf("unknown Go engine %q", engine)
}

//export sb_close
func sb_close(h C.longlong) *C.char {
	return guard(func() error {
		return closeHandle(int64(h))
	})
}

// sb_versions returns "module=version" lines of the engines' modules and "go=" the Go version.
//
//export sb_versions
func sb_versions() *C.char {
	var sb strings.Builder
	sb.WriteString("go=" + runtime.Version() + "\n")
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, d := range info.Deps {
			sb.WriteString(d.Path + "=" + d.Version + "\n")
		}
	}
	return C.CString(sb.String())
}

// sb_stats writes into *out the store's metrics as "label\tvalue\tkind\tsource\n" lines (see
// statsText); the caller frees *out with sb_free.
//
//export sb_stats
func sb_stats(h C.longlong, out **C.char) *C.char {
	return guard(func() error {
		text, err := statsText(int64(h))
		if err != nil {
			return err
		}
		*out = C.CString(text)
		return nil
	})
}

// sb_runtime_stats writes into *out the Go runtime's GC lines, process cumulative (see
// runtimeStatsText); the caller frees *out with sb_free.
//
//export sb_runtime_stats
func sb_runtime_stats(out **C.char) *C.char {
	return guard(func() error {
		*out = C.CString(runtimeStatsText())
		return nil
	})
}

//export sb_free
func sb_free(p *C.char) {
	C.free(unsafe.Pointer(p))
}

//export sb_goroutines
func sb_goroutines() C.int {
	return C.int(runtime.NumGoroutine())
}

type nullStore struct{ value []byte }

func (n nullStore) get(k, dst []byte) (int, bool, error)             { return copyValue(dst, n.value), true, nil }
func (nullStore) put(k, v []byte) error                              { return nil }
func (nullStore) del(k []byte) error                                 { return nil }
func (nullStore) scan(start []byte, fn func(k, v []byte) bool) error { return nil }
func (nullStore) write(ops []op) error                               { return nil }
func (nullStore) close() error                                       { return nil }

// copyValue copies v into dst when it fits (else the caller grows its buffer and asks again) and
// returns v's length.
func copyValue(dst, v []byte) int {
	if len(v) <= len(dst) {
		copy(dst, v)
	}
	return len(v)
}

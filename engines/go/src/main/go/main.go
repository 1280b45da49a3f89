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
	"encoding/binary"
	"errors"
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
	get(k []byte, fn func(v []byte)) (bool, error)
	put(k, v []byte) error
	del(k []byte) error
	scan(start []byte, fn func(k, v []byte) bool) error
	write(ops []op) error
	close() error
}

var (
	handles sync.Map
	next    atomic.Int64
)

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

func bytesOf(p *C.char, n C.int) []byte {
	if n <= 0 {
		return []byte{}
	}
	return C.GoBytes(unsafe.Pointer(p), n)
}

// handle is what a handle number maps to: the store and the Go runtime figures taken at open.
type handle struct {
	s  store
	gc *gcTracker
}

func lookupHandle(h int64) (*handle, error) {
	v, ok := handles.Load(h)
	if !ok {
		return nil, fmt.Errorf("no open store with handle %d", h)
	}
	return v.(*handle), nil
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
	handles.Store(h, &handle{s: s, gc: gc})
	return h, nil
}

// closeHandle closes and forgets a store (sb_close's Go side); an unknown handle is a no-op.
func closeHandle(h int64) error {
	v, ok := handles.LoadAndDelete(h)
	if !ok {
		return nil
	}
	return v.(*handle).s.close()
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
		return openPebble(dir, strict, cache)
	case "goleveldb":
		return openLevel(dir, strict, cache)
	case "go-null":
		return nullStore{value: make([]byte, 100)}, nil
	case "go-panic":
		panic("test hook: a panic inside the Go library")
	}
	return nil, fmt.Errorf("unknown Go engine %q", engine)
}

//export sb_get
func sb_get(h C.longlong, key *C.char, klen C.int, buf *C.char, capacity C.int, outLen *C.int) *C.char {
	return guard(func() error {
		s, err := lookup(h)
		if err != nil {
			return err
		}
		found, err := s.get(bytesOf(key, klen), func(v []byte) {
			*outLen = C.int(len(v))
			if len(v) <= int(capacity) && len(v) > 0 {
				C.memcpy(unsafe.Pointer(buf), unsafe.Pointer(&v[0]), C.size_t(len(v)))
			}
		})
		if err == nil && !found {
			*outLen = -1
		}
		return err
	})
}

//export sb_put
func sb_put(h C.longlong, key *C.char, klen C.int, val *C.char, vlen C.int) *C.char {
	return guard(func() error {
		s, err := lookup(h)
		if err != nil {
			return err
		}
		return s.put(bytesOf(key, klen), bytesOf(val, vlen))
	})
}

//export sb_delete
func sb_delete(h C.longlong, key *C.char, klen C.int) *C.char {
	return guard(func() error {
		s, err := lookup(h)
		if err != nil {
			return err
		}
		return s.del(bytesOf(key, klen))
	})
}

// sb_scan writes up to limit entries from start as [klen u32 LE][key][vlen u32 LE][value] into
// buf. out[0] = entries written; out[1] = 1 when it stopped because buf was full, and out[2] the
// bytes the first entry that did not fit needs.
//
//export sb_scan
func sb_scan(h C.longlong, start *C.char, slen C.int, limit C.int, buf *C.char, capacity C.int, out *C.int) *C.char {
	return guard(func() error {
		s, err := lookup(h)
		if err != nil {
			return err
		}
		dst := unsafe.Slice((*byte)(unsafe.Pointer(buf)), int(capacity))
		used, count, full, need := 0, 0, 0, 0
		err = s.scan(bytesOf(start, slen), func(k, v []byte) bool {
			if count >= int(limit) {
				return false
			}
			size := 8 + len(k) + len(v)
			if used+size > len(dst) {
				full, need = 1, size
				return false
			}
			binary.LittleEndian.PutUint32(dst[used:], uint32(len(k)))
			copy(dst[used+4:], k)
			binary.LittleEndian.PutUint32(dst[used+4+len(k):], uint32(len(v)))
			copy(dst[used+8+len(k):], v)
			used += size
			count++
			return true
		})
		o := unsafe.Slice((*C.int)(unsafe.Pointer(out)), 3)
		o[0], o[1], o[2] = C.int(count), C.int(full), C.int(need)
		return err
	})
}

// sb_write applies a batch encoded as [kind byte: 0 put, 1 delete][klen u32][key][vlen u32][value]...
//
//export sb_write
func sb_write(h C.longlong, buf *C.char, n C.int) *C.char {
	return guard(func() error {
		s, err := lookup(h)
		if err != nil {
			return err
		}
		b := bytesOf(buf, n)
		var ops []op
		for i := 0; i < len(b); {
			if i+5 > len(b) {
				return errors.New("truncated batch")
			}
			del := b[i] == 1
			kl := int(binary.LittleEndian.Uint32(b[i+1:]))
			k := b[i+5 : i+5+kl]
			i += 5 + kl
			vl := int(binary.LittleEndian.Uint32(b[i:]))
			v := b[i+4 : i+4+vl]
			i += 4 + vl
			ops = append(ops, op{del: del, k: k, v: v})
		}
		return s.write(ops)
	})
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

func (n nullStore) get(k []byte, fn func(v []byte)) (bool, error)    { fn(n.value); return true, nil }
func (nullStore) put(k, v []byte) error                              { return nil }
func (nullStore) del(k []byte) error                                 { return nil }
func (nullStore) scan(start []byte, fn func(k, v []byte) bool) error { return nil }
func (nullStore) write(ops []op) error                               { return nil }
func (nullStore) close() error                                       { return nil }

package main

// The operations: exports whose arguments are all primitives or C pointers, so a call from Java
// passes no Java array (no copy, no pinning): Java writes the key, the value or the batch into a
// per-thread native buffer and reads the result back from it. Every call times the engine call
// itself with Go's monotonic clock and writes that time into the buffer's header, so the
// boundary's own cost stays out of the engine's latency.
//
// The buffer: a 16-byte header, then the call's input, then its output:
//
//	header [0:4]  int32 LE: get: value length, or -1 when absent; scan: entries written
//	       [4:8]  int32 LE: scan: 0, or the bytes the first entry that did not fit needs
//	       [8:16] int64 LE: nanoseconds the engine call took, timed in Go
//	get:    key at 16, the value after it (16+klen) when it fits the capacity
//	put:    key at 16, value at 16+klen
//	delete: key at 16
//	scan:   start key at 16, entries [klen u32][key][vlen u32][value] after it
//	write:  the batch at 16, as decodeBatch reads it

/*
#include <stdint.h>
*/
import "C"

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"time"
	"unsafe"
)

const headerBytes = 16

// clockBase makes the monotonic clock cheap to read: time.Since of a fixed instant.
var clockBase = time.Now()

func nanos() int64 { return int64(time.Since(clockBase)) }

// recoverInto is deferred by every fast export: a panic becomes the call's error string.
func recoverInto(res **C.char) {
	if r := recover(); r != nil {
		*res = C.CString(fmt.Sprintf("go panic: %v", r))
	}
}

func region(buf *C.char, capacity C.int) []byte {
	return unsafe.Slice((*byte)(unsafe.Pointer(buf)), int(capacity))
}

func finish(mem []byte, a, b int32, took int64, err error) *C.char {
	binary.LittleEndian.PutUint32(mem[0:], uint32(a))
	binary.LittleEndian.PutUint32(mem[4:], uint32(b))
	binary.LittleEndian.PutUint64(mem[8:], uint64(took))
	return cerr(err)
}

//export sb_get
func sb_get(h C.longlong, buf *C.char, klen, capacity C.int) (res *C.char) {
	defer recoverInto(&res)
	s, err := lookup(h)
	if err != nil {
		return cerr(err)
	}
	mem := region(buf, capacity)
	key := mem[headerBytes : headerBytes+int(klen)]
	out := mem[headerBytes+int(klen):]
	start := nanos()
	n, found, err := s.get(key, out)
	took := nanos() - start
	length := int32(n)
	if !found {
		length = -1
	}
	return finish(mem, length, 0, took, err)
}

//export sb_put
func sb_put(h C.longlong, buf *C.char, klen, vlen C.int) (res *C.char) {
	defer recoverInto(&res)
	s, err := lookup(h)
	if err != nil {
		return cerr(err)
	}
	mem := region(buf, C.int(headerBytes)+klen+vlen)
	start := nanos()
	err = s.put(mem[headerBytes:headerBytes+int(klen)], mem[headerBytes+int(klen):])
	return finish(mem, 0, 0, nanos()-start, err)
}

//export sb_delete
func sb_delete(h C.longlong, buf *C.char, klen C.int) (res *C.char) {
	defer recoverInto(&res)
	s, err := lookup(h)
	if err != nil {
		return cerr(err)
	}
	mem := region(buf, C.int(headerBytes)+klen)
	start := nanos()
	err = s.del(mem[headerBytes:])
	return finish(mem, 0, 0, nanos()-start, err)
}

//export sb_scan
func sb_scan(h C.longlong, buf *C.char, slen, limit, capacity C.int) (res *C.char) {
	defer recoverInto(&res)
	s, err := lookup(h)
	if err != nil {
		return cerr(err)
	}
	mem := region(buf, capacity)
	startKey := mem[headerBytes : headerBytes+int(slen)]
	dst := mem[headerBytes+int(slen):]
	used, count, need := 0, 0, 0
	start := nanos()
	err = s.scan(startKey, func(k, v []byte) bool {
		if count >= int(limit) {
			return false
		}
		size := 8 + len(k) + len(v)
		if used+size > len(dst) {
			need = size
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
	return finish(mem, int32(count), int32(need), nanos()-start, err)
}

//export sb_write
func sb_write(h C.longlong, buf *C.char, n C.int) (res *C.char) {
	defer recoverInto(&res)
	s, err := lookup(h)
	if err != nil {
		return cerr(err)
	}
	mem := region(buf, C.int(headerBytes)+n)
	ops, err := decodeBatch(mem[headerBytes:])
	if err != nil {
		return cerr(err)
	}
	start := nanos()
	err = s.write(ops)
	return finish(mem, 0, 0, nanos()-start, err)
}

// decodeBatch reads a batch encoded as [kind byte: 0 put, 1 delete][klen u32 LE][key][vlen u32 LE][value]...
// The slices point into b.
func decodeBatch(b []byte) ([]op, error) {
	var ops []op
	for i := 0; i < len(b); {
		if i+5 > len(b) {
			return nil, errors.New("truncated batch: an entry header at byte " + strconv.Itoa(i))
		}
		del := b[i] == 1
		kl := int(binary.LittleEndian.Uint32(b[i+1:]))
		i += 5
		if kl > len(b)-i-4 {
			return nil, errors.New("truncated batch: a key of " + strconv.Itoa(kl) + " bytes at byte " + strconv.Itoa(i))
		}
		k := b[i : i+kl]
		i += kl
		vl := int(binary.LittleEndian.Uint32(b[i:]))
		i += 4
		if vl > len(b)-i {
			return nil, errors.New("truncated batch: a value of " + strconv.Itoa(vl) + " bytes at byte " + strconv.Itoa(i))
		}
		ops = append(ops, op{del: del, k: k, v: b[i : i+vl]})
		i += vl
	}
	return ops, nil
}

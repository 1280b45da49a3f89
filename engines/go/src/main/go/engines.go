package main

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/cockroachdb/pebble/v2"
	"github.com/cockroachdb/pebble/v2/vfs"
	badger "github.com/dgraph-io/badger/v4"
	"github.com/syndtr/goleveldb/leveldb"
	"github.com/syndtr/goleveldb/leveldb/opt"
	"github.com/syndtr/goleveldb/leveldb/util"
	bolt "go.etcd.io/bbolt"
)

// ---- badger: one transaction per batch

type badgerStore struct {
	db   *badger.DB
	base badgerCounters // badger's process-global expvar counters at open
	gc   *vlogGC        // nil when value-log GC is off
}

func openBadger(dir string, strict bool, cache int64, opts map[string]string) (store, error) {
	o := badger.DefaultOptions(dir).WithSyncWrites(strict).WithLogger(nil).
		WithBlockCacheSize(cache * 3 / 4).WithIndexCacheSize(cache / 4)
	if t, ok := opts["value-threshold"]; ok {
		n, err := strconv.ParseInt(t, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("badger option value-threshold=%q: %w", t, err)
		}
		o = o.WithValueThreshold(n)
	}
	if t, ok := opts["memtable-bytes"]; ok {
		n, err := strconv.ParseInt(t, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("badger option memtable-bytes=%q: %w", t, err)
		}
		o = o.WithMemTableSize(n)
	}
	if t, ok := opts["value-log-file-bytes"]; ok {
		n, err := strconv.ParseInt(t, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("badger option value-log-file-bytes=%q: %w", t, err)
		}
		o = o.WithValueLogFileSize(n)
	}
	every, ratio := time.Duration(0), 0.5
	if t, ok := opts["vlog-gc-seconds"]; ok {
		n, err := strconv.ParseInt(t, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("badger option vlog-gc-seconds=%q: %w", t, err)
		}
		if n < 0 || n > math.MaxInt64/int64(time.Second) {
			return nil, fmt.Errorf("badger option vlog-gc-seconds=%q: want 0 (off) or a positive number of seconds", t)
		}
		every = time.Duration(n) * time.Second
	}
	if t, ok := opts["vlog-gc-discard-ratio"]; ok {
		f, err := strconv.ParseFloat(t, 64)
		if err != nil {
			return nil, fmt.Errorf("badger option vlog-gc-discard-ratio=%q: %w", t, err)
		}
		if !(f > 0 && f < 1) {
			return nil, fmt.Errorf("badger option vlog-gc-discard-ratio=%q: badger wants a ratio strictly between 0 and 1", t)
		}
		ratio = f
	}
	return openBadgerWith(o, every, ratio)
}

// openBadgerWith opens badger with o and, when every > 0, starts the value-log GC goroutine.
func openBadgerWith(o badger.Options, every time.Duration, ratio float64) (*badgerStore, error) {
	db, err := badger.Open(o)
	if err != nil {
		return nil, err
	}
	s := &badgerStore{db: db, base: readBadgerCounters()}
	if every > 0 {
		s.gc = startVlogGC(db, every, ratio)
	}
	return s, nil
}

func (s *badgerStore) get(k, dst []byte) (int, bool, error) {
	n, found := 0, false
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(k)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		found = true
		return item.Value(func(v []byte) error { n = copyValue(dst, v); return nil })
	})
	return n, found, err
}

func (s *badgerStore) put(k, v []byte) error {
	return s.db.Update(func(txn *badger.Txn) error { return txn.Set(k, v) })
}

func (s *badgerStore) del(k []byte) error {
	return s.db.Update(func(txn *badger.Txn) error { return txn.Delete(k) })
}

func (s *badgerStore) scan(start []byte, fn func(k, v []byte) bool) error {
	return s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Seek(start); it.Valid(); it.Next() {
			item := it.Item()
			v, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			if !fn(item.Key(), v) {
				return nil
			}
		}
		return nil
	})
}

func (s *badgerStore) write(ops []op) error {
	return s.db.Update(func(txn *badger.Txn) error {
		for _, o := range ops {
			var err error
			if o.del {
				err = txn.Delete(o.k)
			} else {
				err = txn.Set(o.k, o.v)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
}

func (s *badgerStore) close() error {
	if s.gc != nil {
		s.gc.stop() // the GC goroutine ends before the DB closes under it
	}
	return s.db.Close()
}

// ---- bbolt: one bucket, one Update per write

var bucket = []byte("kv")

type boltStore struct {
	db   *bolt.DB
	path string
}

func openBolt(dir string, strict bool) (store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil { // as badger, pebble and goleveldb do
		return nil, err
	}
	path := filepath.Join(dir, "bbolt.db")
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 5 * time.Second, NoSync: !strict})
	if err != nil {
		return nil, err
	}
	if err := db.Update(func(tx *bolt.Tx) error { _, e := tx.CreateBucketIfNotExists(bucket); return e }); err != nil {
		db.Close()
		return nil, err
	}
	return &boltStore{db, path}, nil
}

func (s *boltStore) get(k, dst []byte) (int, bool, error) {
	n, found := 0, false
	err := s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucket).Get(k); v != nil {
			found = true
			n = copyValue(dst, v)
		}
		return nil
	})
	return n, found, err
}

func (s *boltStore) put(k, v []byte) error { return s.write([]op{{k: k, v: v}}) }
func (s *boltStore) del(k []byte) error    { return s.write([]op{{del: true, k: k}}) }

func (s *boltStore) scan(start []byte, fn func(k, v []byte) bool) error {
	return s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucket).Cursor()
		for k, v := c.Seek(start); k != nil; k, v = c.Next() {
			if !fn(k, v) {
				return nil
			}
		}
		return nil
	})
}

func (s *boltStore) write(ops []op) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucket)
		for _, o := range ops {
			var err error
			if o.del {
				err = b.Delete(o.k)
			} else {
				err = b.Put(o.k, o.v)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
}

func (s *boltStore) close() error { return s.db.Close() }

// ---- pebble: one Batch per write

type quietLogger struct{}

func (quietLogger) Infof(format string, args ...interface{})  {}
func (quietLogger) Errorf(format string, args ...interface{}) {}
func (quietLogger) Fatalf(format string, args ...interface{}) { panic(fmt.Sprintf(format, args...)) }

// pebbleStore writes with pebble.Sync under both profiles: `buffered` opens pebble over noSyncFS,
// whose syncs do nothing.
type pebbleStore struct {
	db     *pebble.DB
	stalls *atomic.Int64 // WriteStallBegin events since open
}

func openPebble(dir string, strict bool, cache int64, opts map[string]string) (store, error) {
	o := &pebble.Options{Logger: quietLogger{}}
	if t, ok := opts["memtable-bytes"]; ok {
		n, err := strconv.ParseUint(t, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("pebble option memtable-bytes=%q: %w", t, err)
		}
		o.MemTableSize = n
	}
	c := pebble.NewCache(cache)
	defer c.Unref()
	o.Cache = c
	stalls := new(atomic.Int64)
	o.EventListener = &pebble.EventListener{WriteStallBegin: func(pebble.WriteStallBeginInfo) { stalls.Add(1) }}
	if !strict {
		// buffered: every write waits for its WAL record's write(2), not for an fsync (noSyncFS)
		o.FS = newNoSyncFS(vfs.Default)
	}
	db, err := pebble.Open(dir, o)
	if err != nil {
		return nil, err
	}
	return &pebbleStore{db, stalls}, nil
}

func (s *pebbleStore) get(k, dst []byte) (int, bool, error) {
	v, closer, err := s.db.Get(k)
	if errors.Is(err, pebble.ErrNotFound) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	n := copyValue(dst, v)
	return n, true, closer.Close()
}

func (s *pebbleStore) put(k, v []byte) error { return s.db.Set(k, v, pebble.Sync) }
func (s *pebbleStore) del(k []byte) error    { return s.db.Delete(k, pebble.Sync) }

func (s *pebbleStore) scan(start []byte, fn func(k, v []byte) bool) error {
	it, err := s.db.NewIter(&pebble.IterOptions{})
	if err != nil {
		return err
	}
	for ok := it.SeekGE(start); ok; ok = it.Next() {
		v, err := it.ValueAndErr()
		if err != nil {
			it.Close()
			return err
		}
		if !fn(it.Key(), v) {
			break
		}
	}
	return it.Close()
}

func (s *pebbleStore) write(ops []op) error {
	b := s.db.NewBatch()
	defer b.Close()
	for _, o := range ops {
		if o.del {
			b.Delete(o.k, nil)
		} else {
			b.Set(o.k, o.v, nil)
		}
	}
	return b.Commit(pebble.Sync)
}

func (s *pebbleStore) close() error { return s.db.Close() }

// ---- goleveldb: one Batch per write

type levelStore struct {
	db *leveldb.DB
	wo *opt.WriteOptions
}

func openLevel(dir string, strict bool, cache int64, opts map[string]string) (store, error) {
	o := &opt.Options{BlockCacheCapacity: int(cache)}
	if t, ok := opts["write-buffer-bytes"]; ok {
		n, err := strconv.Atoi(t)
		if err != nil {
			return nil, fmt.Errorf("goleveldb option write-buffer-bytes=%q: %w", t, err)
		}
		o.WriteBuffer = n
	}
	db, err := leveldb.OpenFile(dir, o)
	if err != nil {
		return nil, err
	}
	return &levelStore{db, &opt.WriteOptions{Sync: strict}}, nil
}

func (s *levelStore) get(k, dst []byte) (int, bool, error) {
	v, err := s.db.Get(k, nil)
	if errors.Is(err, leveldb.ErrNotFound) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	return copyValue(dst, v), true, nil
}

func (s *levelStore) put(k, v []byte) error { return s.db.Put(k, v, s.wo) }
func (s *levelStore) del(k []byte) error    { return s.db.Delete(k, s.wo) }

func (s *levelStore) scan(start []byte, fn func(k, v []byte) bool) error {
	it := s.db.NewIterator(&util.Range{Start: start}, nil)
	defer it.Release()
	for it.Next() {
		if !fn(it.Key(), it.Value()) {
			break
		}
	}
	return it.Error()
}

func (s *levelStore) write(ops []op) error {
	b := new(leveldb.Batch)
	for _, o := range ops {
		if o.del {
			b.Delete(o.k)
		} else {
			b.Put(o.k, o.v)
		}
	}
	return s.db.Write(b, s.wo)
}

// close closes the DB. goleveldb v1.0.0's Close does not wait for its mpoolDrain goroutine: with an
// empty memdb pool that goroutine waits one more second for a pooled memdb, then ends. It holds no
// file; waiting for it here would make every close a second longer, so the goroutine count comes
// back to its value before open within about a second of close, not at once.
func (s *levelStore) close() error { return s.db.Close() }

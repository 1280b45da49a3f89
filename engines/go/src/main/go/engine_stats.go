package main

import (
	"errors"
	"expvar"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/syndtr/goleveldb/leveldb"
)

// ---- badger

// badgerCounters are badger's cumulative write counters. badger keeps them as process-global
// expvar variables (its y package), summed over every badger DB of the process; a store reports
// them minus their values at its open.
type badgerCounters struct {
	vlog, l0, compaction int64
}

func expvarInt(name string) int64 {
	if v, ok := expvar.Get(name).(*expvar.Int); ok {
		return v.Value()
	}
	return 0
}

func expvarMapSum(name string) int64 {
	var n int64
	if m, ok := expvar.Get(name).(*expvar.Map); ok {
		m.Do(func(kv expvar.KeyValue) {
			if v, ok := kv.Value.(*expvar.Int); ok {
				n += v.Value()
			}
		})
	}
	return n
}

func readBadgerCounters() badgerCounters {
	return badgerCounters{
		vlog:       expvarInt("badger_write_bytes_vlog"),
		l0:         expvarInt("badger_write_bytes_l0"),
		compaction: expvarMapSum("badger_write_bytes_compaction"),
	}
}

// allocatedBytes sums the allocated blocks (stat st_blocks x 512) of the regular files under dir
// whose name ends with suffix ("" for all).
func allocatedBytes(dir, suffix string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) { // a file badger removed while we walk
				return nil
			}
			return err
		}
		if d.IsDir() || !strings.HasSuffix(d.Name(), suffix) {
			return nil
		}
		info, err := d.Info()
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		if st, ok := info.Sys().(*syscall.Stat_t); ok {
			n += st.Blocks * 512
		} else {
			n += info.Size()
		}
		return nil
	})
	return n, err
}

// vlogBytes is the disk space badger's value log files take now. badger's own Size() is refreshed
// only at open and once a minute, and counts the active .vlog file at its preallocated mmap length
// (2 x ValueLogFileSize, sparse): neither shows what a GC run gave back.
func vlogBytes(db *badger.DB) (int64, error) {
	return allocatedBytes(db.Opts().ValueDir, ".vlog")
}

// vlogGC runs badger's value-log GC every interval until stop.
type vlogGC struct {
	runs, reclaimed atomic.Int64
	quit            chan struct{}
	wg              sync.WaitGroup
	once            sync.Once
}

func startVlogGC(db *badger.DB, every time.Duration, ratio float64) *vlogGC {
	g := &vlogGC{quit: make(chan struct{})}
	g.wg.Add(1)
	go g.loop(db, every, ratio)
	return g
}

func (g *vlogGC) stop() {
	g.once.Do(func() { close(g.quit) })
	g.wg.Wait()
}

func (g *vlogGC) loop(db *badger.DB, every time.Duration, ratio float64) {
	defer g.wg.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-g.quit:
			return
		case <-t.C:
		}
		// As badger's documentation recommends: run again while a run rewrote a file (nil).
		// ErrNoRewrite (nothing worth rewriting) ends the round and is not a run; any other error
		// (ErrRejected: a GC already running or the DB closing) ends the round too.
		for {
			select {
			case <-g.quit:
				return
			default:
			}
			if !g.runOnce(db, ratio) {
				break
			}
		}
	}
}

// runOnce runs one RunValueLogGC and reports whether it rewrote a file.
func (g *vlogGC) runOnce(db *badger.DB, ratio float64) (ran bool) {
	defer func() {
		if r := recover(); r != nil { // a GC failure must not take the JVM down
			ran = false
		}
	}()
	before, berr := vlogBytes(db)
	if err := db.RunValueLogGC(ratio); err != nil {
		return false
	}
	g.runs.Add(1)
	if after, aerr := vlogBytes(db); berr == nil && aerr == nil && before > after {
		g.reclaimed.Add(before - after)
	}
	return true
}

func (s *badgerStore) stats(o *statsOut) error {
	tables := s.db.Tables()
	var lsm int64
	for _, t := range tables {
		lsm += int64(t.OnDiskSize)
	}
	o.add("lsm-bytes", lsm, kindEngine, "badger Tables(): sum of OnDiskSize (Size() is refreshed only once a minute)")
	vlog, err := vlogBytes(s.db)
	if err != nil {
		return err
	}
	o.add("value-log-bytes", vlog, kindProxy,
		"allocated blocks (stat st_blocks x 512) of the *.vlog files: badger's Size() is refreshed once a minute and counts the active file at its 2 GiB mmap length")
	disk, err := allocatedBytes(s.db.Opts().Dir, "")
	if err != nil {
		return err
	}
	o.add("bytes-on-disk", disk, kindProxy,
		"allocated blocks (stat st_blocks x 512) of the files in the data directory: the active value-log file is a sparse 2 GiB preallocation, which the files' lengths would count whole")
	if m := s.db.BlockCacheMetrics(); m != nil {
		o.add("cache-hits", int64(m.Hits()), kindEngine, "badger BlockCacheMetrics().Hits() (ristretto block cache)")
		o.add("cache-misses", int64(m.Misses()), kindEngine, "badger BlockCacheMetrics().Misses() (ristretto block cache)")
	}
	c := readBadgerCounters()
	vl, l0, comp := c.vlog-s.base.vlog, c.l0-s.base.l0, c.compaction-s.base.compaction
	o.add("engine-bytes-written", vl+l0+comp, kindEngine,
		"badger expvar badger_write_bytes_vlog + badger_write_bytes_l0 (its estimate of memtable entries: key + inline value or 12-byte value pointer + 2) + badger_write_bytes_compaction (all levels); process-global, minus values at open; WAL (.mem) writes have no counter")
	o.add("compaction-bytes-written", comp, kindEngine,
		"badger expvar badger_write_bytes_compaction summed over levels (tables written by compactions; memtable flushes to L0 not counted); process-global, minus value at open")
	if s.gc != nil {
		o.add("value-log-gc-runs", s.gc.runs.Load(), kindEngine, "RunValueLogGC calls that returned nil (rewrote a value-log file)")
		o.add("value-log-bytes-reclaimed", s.gc.reclaimed.Load(), kindProxy,
			"allocated bytes of the *.vlog files before minus after each RunValueLogGC that returned nil, when positive")
	}
	return nil
}

// ---- bbolt

func (s *boltStore) stats(o *statsOut) error {
	st := s.db.Stats()
	o.add("free-pages", int64(st.FreePageN+st.PendingPageN), kindEngine, "bbolt Stats().FreePageN + PendingPageN")
	o.add("pages-allocated", st.TxStats.GetPageCount(), kindEngine, "bbolt Stats().TxStats.GetPageCount() (page allocations since open)")
	info, err := os.Stat(s.path)
	if err != nil {
		return err
	}
	o.add("bytes-on-disk", info.Size(), kindProxy, "size of the bbolt.db file (os.Stat)")
	return nil
}

// ---- pebble

func (s *pebbleStore) stats(o *statsOut) error {
	m := s.db.Metrics()
	var flushed, compacted, tables int64
	for i := range m.Levels {
		l := &m.Levels[i]
		flushed += int64(l.TableBytesFlushed + l.BlobBytesFlushed)
		compacted += int64(l.TableBytesCompacted + l.BlobBytesCompacted)
		tables += l.TablesSize
	}
	wal := int64(m.WAL.BytesWritten)
	o.add("log-bytes-written", wal, kindEngine, "pebble Metrics().WAL.BytesWritten")
	o.add("engine-bytes-written", wal+flushed+compacted, kindEngine,
		"pebble Metrics(): WAL.BytesWritten + sum over Levels of TableBytesFlushed + BlobBytesFlushed + TableBytesCompacted + BlobBytesCompacted")
	o.add("compaction-bytes-written", flushed+compacted, kindEngine,
		"pebble Metrics(): sum over Levels of TableBytesFlushed + BlobBytesFlushed + TableBytesCompacted + BlobBytesCompacted")
	o.add("cache-hits", m.BlockCache.Hits, kindEngine, "pebble Metrics().BlockCache.Hits")
	o.add("cache-misses", m.BlockCache.Misses, kindEngine, "pebble Metrics().BlockCache.Misses")
	o.add("write-stalls", s.stalls.Load(), kindEngine, "pebble EventListener.WriteStallBegin events since open")
	o.add("bytes-on-disk", int64(m.DiskSpaceUsage()), kindEngine, "pebble Metrics().DiskSpaceUsage()")
	o.add("lsm-bytes", tables, kindEngine, "pebble Metrics(): sum over Levels of TablesSize")
	return nil
}

// ---- goleveldb

func (s *levelStore) stats(o *statsOut) error {
	var st leveldb.DBStats
	if err := s.db.Stats(&st); err != nil {
		return err
	}
	o.add("engine-bytes-written", int64(st.IOWrite), kindEngine, "goleveldb Stats().IOWrite (bytes written through its storage: journal, tables, manifest)")
	var comp, size int64
	for _, w := range st.LevelWrite {
		comp += w
	}
	for _, n := range st.LevelSizes {
		size += n
	}
	o.add("compaction-bytes-written", comp, kindEngine,
		"goleveldb Stats().LevelWrite summed over levels (memtable flushes and table compactions; the Write(MB) column of leveldb.stats)")
	o.add("write-stalls", int64(st.WriteDelayCount), kindEngine,
		"goleveldb Stats().WriteDelayCount (writes slowed or paused for L0; added when a delayed streak ends)")
	o.add("lsm-bytes", size, kindEngine, "goleveldb Stats().LevelSizes summed over levels")
	return nil
}

var (
	_ statser = (*badgerStore)(nil)
	_ statser = (*boltStore)(nil)
	_ statser = (*pebbleStore)(nil)
	_ statser = (*levelStore)(nil)
)

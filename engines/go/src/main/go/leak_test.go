package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/syndtr/goleveldb/leveldb/util"
)

type engineCase struct {
	name, engine string
	cache        int64
	opts         map[string]string
}

var engineCases = []engineCase{
	{"badger", "badger", 8 << 20, map[string]string{"value-threshold": "64"}},
	{"badger-vlog-gc", "badger", 8 << 20, map[string]string{"value-threshold": "64", "vlog-gc-seconds": "1", "vlog-gc-discard-ratio": "0.5"}},
	{"bbolt", "bbolt", 8 << 20, nil},
	{"pebble", "pebble", 32 << 20, nil}, // pebble reserves its memtables (2 x 4 MiB) out of the block cache
	{"goleveldb", "goleveldb", 8 << 20, nil},
	{"go-null", "go-null", 0, nil},
}

func openFDs(t *testing.T) int {
	t.Helper()
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	return len(entries) // includes the fd ReadDir itself holds, the same every time
}

// settle polls for up to 2 s until the goroutine count drops to at most want; it returns the
// count it saw last.
func settle(want int) int {
	deadline := time.Now().Add(2 * time.Second)
	for {
		n := runtime.NumGoroutine()
		if n <= want || time.Now().After(deadline) {
			return n
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// goroutineOrigins lists the "created by" lines of all goroutines, to name a leaked one.
func goroutineOrigins() map[string]int {
	buf := []byte(allStacks())
	m := map[string]int{}
	for _, g := range bytes.Split(buf, []byte("\n\n")) {
		lines := strings.Split(string(g), "\n")
		origin := "?"
		for i, l := range lines {
			if strings.HasPrefix(l, "created by ") {
				origin = strings.TrimPrefix(l, "created by ")
				if i+1 < len(lines) {
					origin += " @ " + strings.TrimSpace(lines[i+1])
				}
			}
		}
		if len(lines) > 0 && strings.HasPrefix(lines[0], "goroutine ") {
			m[origin]++
		}
	}
	return m
}

func diffOrigins(before, after map[string]int) []string {
	var out []string
	for k, n := range after {
		if n > before[k] {
			out = append(out, fmt.Sprintf("+%d %s", n-before[k], k))
		}
	}
	sort.Strings(out)
	return out
}

// cycle opens, uses and closes a store; it returns the goroutine count right after close.
func cycle(t *testing.T, c engineCase, dir string, i int) int {
	t.Helper()
	h, err := openHandle(c.engine, dir, false, c.cache, c.opts)
	if err != nil {
		t.Fatalf("%s open %d: %v", c.name, i, err)
	}
	s, _ := lookupHandle(h)
	k := []byte(fmt.Sprintf("key-%04d", i))
	v := bytes.Repeat([]byte{byte(i)}, 200)
	if err := s.s.put(k, v); err != nil {
		t.Fatalf("%s put %d: %v", c.name, i, err)
	}
	got, found, err := getValue(s.s, k)
	if found && c.engine != "go-null" && !bytes.Equal(got, v) {
		t.Errorf("%s get %d: wrong value", c.name, i)
	}
	if err != nil || !found {
		t.Fatalf("%s get %d: found=%v err=%v", c.name, i, found, err)
	}
	if _, err := statsText(h); err != nil {
		t.Fatalf("%s stats %d: %v", c.name, i, err)
	}
	if err := closeHandle(h); err != nil {
		t.Fatalf("%s close %d: %v", c.name, i, err)
	}
	n := runtime.NumGoroutine()
	if _, err := statsText(h); err == nil {
		t.Fatalf("%s: stats of a closed handle did not fail", c.name)
	}
	return n
}

func allStacks() string {
	buf := make([]byte, 1<<20)
	return string(buf[:runtime.Stack(buf, true)])
}

// TestCloseLeavesNothing opens, uses and closes every engine 100 times in one directory and
// checks that the goroutines and file descriptors come back to what they were: a one-time
// increase at the first open (a package-level goroutine started once) is reported, growth with
// the number of opens fails.
func TestCloseLeavesNothing(t *testing.T) {
	for _, c := range engineCases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			runtime.GC()
			g0, f0, o0 := runtime.NumGoroutine(), openFDs(t), goroutineOrigins()
			right := cycle(t, c, dir, 0)
			closed := time.Now()
			g1, f1 := settle(g0), openFDs(t)
			settled := time.Since(closed)
			if g1 > g0 {
				t.Logf("one-time goroutines after the first open: %v", diffOrigins(o0, goroutineOrigins()))
			}
			o1 := goroutineOrigins()
			for i := 1; i < 100; i++ {
				right = max(right, cycle(t, c, dir, i))
			}
			g100, f100 := settle(g1), openFDs(t)
			t.Logf("LEAK %s: goroutines before=%d after-1=%d after-100=%d (most right after a close, unpolled: %d; first close settled in %v); fds before=%d after-1=%d after-100=%d",
				c.name, g0, g1, g100, right, settled.Round(time.Millisecond), f0, f1, f100)
			if g100 > g1 {
				t.Errorf("%s: goroutines grew with opens: %d after 1, %d after 100: %v", c.name, g1, g100, diffOrigins(o1, goroutineOrigins()))
			}
			if f100 > f1 {
				t.Errorf("%s: file descriptors grew with opens: %d after 1, %d after 100", c.name, f1, f100)
			}
			if f1 > f0 {
				t.Errorf("%s: file descriptors after the first close %d > %d before", c.name, f1, f0)
			}
		})
	}
}

// ---- stats

var runtimeLabels = []string{"gc-cycles", "gc-pause-nanos", "gc-pause-p99-nanos", "heap-in-use-bytes", "heap-allocated-bytes"}

var engineLabels = map[string][]string{
	"badger":         {"lsm-bytes", "value-log-bytes", "bytes-on-disk", "cache-hits", "cache-misses", "engine-bytes-written", "compaction-bytes-written"},
	"badger-vlog-gc": {"lsm-bytes", "value-log-bytes", "bytes-on-disk", "cache-hits", "cache-misses", "engine-bytes-written", "compaction-bytes-written", "value-log-gc-runs", "value-log-bytes-reclaimed"},
	"bbolt":          {"free-pages", "pages-allocated", "bytes-on-disk"},
	"pebble":         {"log-bytes-written", "engine-bytes-written", "compaction-bytes-written", "cache-hits", "cache-misses", "write-stalls", "bytes-on-disk", "lsm-bytes"},
	"goleveldb":      {"engine-bytes-written", "compaction-bytes-written", "write-stalls", "lsm-bytes"},
	"go-null":        {},
}

var allLabels = map[string]bool{}

func init() {
	for _, l := range strings.Fields("cache-hits cache-misses log-bytes-written engine-bytes-written bytes-on-disk compaction-bytes-written write-stalls lsm-bytes value-log-bytes value-log-gc-runs value-log-bytes-reclaimed pages-allocated free-pages gc-cycles gc-pause-nanos gc-pause-p99-nanos heap-in-use-bytes heap-allocated-bytes") {
		allLabels[l] = true
	}
}

type statLineT struct {
	value        int64
	kind, source string
}

func parseStats(t *testing.T, text string) map[string]statLineT {
	t.Helper()
	m := map[string]statLineT{}
	if !strings.HasSuffix(text, "\n") {
		t.Fatalf("stats text does not end with a newline: %q", text)
	}
	for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			t.Fatalf("not 4 tab-separated fields: %q", line)
		}
		if !allLabels[f[0]] {
			t.Errorf("unknown label %q", f[0])
		}
		if _, dup := m[f[0]]; dup {
			t.Errorf("label %q twice", f[0])
		}
		v, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil {
			t.Errorf("%s: value %q: %v", f[0], f[1], err)
		}
		if v < 0 {
			t.Errorf("%s: negative value %d", f[0], v)
		}
		if f[2] != kindEngine && f[2] != kindProxy {
			t.Errorf("%s: kind %q", f[0], f[2])
		}
		if strings.TrimSpace(f[3]) == "" {
			t.Errorf("%s: empty source", f[0])
		}
		m[f[0]] = statLineT{v, f[2], f[3]}
	}
	return m
}

func TestStatsLabels(t *testing.T) {
	for _, c := range engineCases {
		t.Run(c.name, func(t *testing.T) {
			h, err := openHandle(c.engine, t.TempDir(), false, c.cache, c.opts)
			if err != nil {
				t.Fatal(err)
			}
			defer closeHandle(h)
			hd, _ := lookupHandle(h)
			s := hd.s
			val := bytes.Repeat([]byte("v"), 1000)
			for i := 0; i < 3000; i++ {
				if err := s.put([]byte(fmt.Sprintf("k%06d", i)), val); err != nil {
					t.Fatal(err)
				}
			}
			var ops []op
			for i := 0; i < 1000; i++ {
				ops = append(ops, op{k: []byte(fmt.Sprintf("b%06d", i)), v: val})
			}
			if err := s.write(ops); err != nil {
				t.Fatal(err)
			}
			// flush or compact where the engine offers it, so that the compaction counters move
			switch st := s.(type) {
			case *pebbleStore:
				if err := st.db.Flush(); err != nil {
					t.Fatal(err)
				}
			case *levelStore:
				if err := st.db.CompactRange(util.Range{}); err != nil {
					t.Fatal(err)
				}
			}
			for i := 0; i < 3000; i++ {
				if _, _, err := getValue(s, []byte(fmt.Sprintf("k%06d", i))); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.scan([]byte("k"), func(k, v []byte) bool { return true }); err != nil {
				t.Fatal(err)
			}
			if _, err := statsText(h); err != nil { // starts the p99 window
				t.Fatal(err)
			}
			runtime.GC()
			runtime.GC()
			text, err := statsText(h)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s stats:\n%s", c.name, text)
			m := parseStats(t, text)
			want := append(append([]string{}, engineLabels[c.name]...), runtimeLabels...)
			for _, l := range want {
				if _, ok := m[l]; !ok {
					t.Errorf("%s: no %s", c.name, l)
				}
			}
			if len(m) != len(want) {
				t.Errorf("%s: %d lines, want %d", c.name, len(m), len(want))
			}
			for _, l := range []string{"gc-cycles", "gc-pause-nanos", "gc-pause-p99-nanos", "heap-in-use-bytes", "heap-allocated-bytes"} {
				if m[l].value <= 0 {
					t.Errorf("%s: %s = %d after runtime.GC(), want > 0", c.name, l, m[l].value)
				}
			}
			if m["gc-cycles"].value < 2 {
				t.Errorf("gc-cycles %d after two runtime.GC()", m["gc-cycles"].value)
			}
			positive := map[string][]string{
				"badger":    {"engine-bytes-written", "value-log-bytes", "bytes-on-disk"},
				"bbolt":     {"pages-allocated", "bytes-on-disk"},
				"pebble":    {"log-bytes-written", "engine-bytes-written", "compaction-bytes-written", "bytes-on-disk", "lsm-bytes", "cache-hits", "cache-misses"},
				"goleveldb": {"engine-bytes-written", "compaction-bytes-written", "lsm-bytes"},
			}
			for _, l := range positive[c.name] {
				if m[l].value <= 0 {
					t.Errorf("%s: %s = %d after writes, want > 0", c.name, l, m[l].value)
				}
			}
			if c.name == "pebble" && m["engine-bytes-written"].value < m["log-bytes-written"].value+m["compaction-bytes-written"].value {
				t.Errorf("pebble: engine bytes %d < log %d + compaction %d", m["engine-bytes-written"].value, m["log-bytes-written"].value, m["compaction-bytes-written"].value)
			}
			// a window with no GC: no p99 line (a GC may still sneak in; then the line is there)
			before := readRuntime().cycles
			text, err = statsText(h)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := parseStats(t, text)["gc-pause-p99-nanos"]; ok && readRuntime().cycles == before {
				t.Errorf("%s: gc-pause-p99-nanos in a window without a GC:\n%s", c.name, text)
			}
		})
	}
}

// With value-log GC off there are no GC lines. (A badger without block cache cannot be had here:
// badger refuses BlockCacheSize 0 with its default Snappy compression, so cache-hits/-misses are
// always there for badger.)
func TestBadgerGCOffOmitsGCLines(t *testing.T) {
	h, err := openHandle("badger", t.TempDir(), false, 1<<20, map[string]string{"vlog-gc-seconds": "0"})
	if err != nil {
		t.Fatal(err)
	}
	defer closeHandle(h)
	text, err := statsText(h)
	if err != nil {
		t.Fatal(err)
	}
	m := parseStats(t, text)
	for _, l := range []string{"value-log-gc-runs", "value-log-bytes-reclaimed"} {
		if _, ok := m[l]; ok {
			t.Errorf("%s with value-log GC off:\n%s", l, text)
		}
	}
}

func TestRuntimeStatsText(t *testing.T) {
	runtime.GC()
	m := parseStats(t, runtimeStatsText())
	for _, l := range []string{"gc-cycles", "gc-pause-nanos", "heap-in-use-bytes", "heap-allocated-bytes"} {
		if m[l].value <= 0 {
			t.Errorf("%s = %d, want > 0", l, m[l].value)
		}
	}
	if _, ok := m["gc-pause-p99-nanos"]; ok || len(m) != 4 {
		t.Errorf("runtime stats: want exactly 4 lines without p99, got %v", m)
	}
}

func TestBadgerOptionErrors(t *testing.T) {
	for k, v := range map[string]string{
		"value-threshold":       "lots",
		"vlog-gc-seconds":       "soon",
		"vlog-gc-discard-ratio": "half",
	} {
		_, err := open("badger", t.TempDir(), false, 0, map[string]string{k: v})
		if err == nil || !strings.Contains(err.Error(), k) || !strings.Contains(err.Error(), v) {
			t.Errorf("%s=%s: error %v does not name the option and value", k, v, err)
		}
	}
	for k, v := range map[string]string{"vlog-gc-seconds": "-1", "vlog-gc-discard-ratio": "1"} {
		if _, err := open("badger", t.TempDir(), false, 0, map[string]string{k: v}); err == nil || !strings.Contains(err.Error(), k) {
			t.Errorf("%s=%s: error %v", k, v, err)
		}
	}
}

func TestPauseHistogramHelpers(t *testing.T) {
	inf := 1.0 / zero()
	buckets := []float64{-inf, 0, 1e-6, 2e-6, 4e-6, inf}
	counts := []uint64{0, 0, 98, 1, 1}
	if got := pauseNanos(counts, buckets); got != 98*1500+1*3000+1*4000 { // overflow counts at its lower bound
		t.Errorf("pauseNanos = %d", got)
	}
	if p, ok := p99Nanos(counts, buckets); !ok || p != 4000 { // rank 99 of 100 falls in [2us,4us)
		t.Errorf("p99 = %d %v, want 4000", p, ok)
	}
	if p, ok := p99Nanos([]uint64{0, 0, 99, 0, 0}, buckets); !ok || p != 2000 {
		t.Errorf("p99 = %d %v, want 2000", p, ok)
	}
	if p, ok := p99Nanos([]uint64{0, 0, 0, 0, 5}, buckets); !ok || p != 4000 { // overflow bucket: its lower bound
		t.Errorf("p99 overflow = %d %v, want 4000", p, ok)
	}
	if _, ok := p99Nanos(make([]uint64, 5), buckets); ok {
		t.Error("p99 of nothing")
	}
	if d := diffCounts([]uint64{3, 5}, []uint64{1, 5}); d[0] != 2 || d[1] != 0 {
		t.Errorf("diffCounts = %v", d)
	}
}

func zero() float64 { return 0 }

// TestVlogGCRuns drives the value-log GC goroutine on small value-log files, where overwritten
// values make files worth rewriting, and checks that runs and reclaimed bytes are counted and
// that close stops the goroutine.
func TestVlogGCRuns(t *testing.T) {
	g0 := runtime.NumGoroutine()
	o := badger.DefaultOptions(t.TempDir()).WithLogger(nil).WithValueThreshold(64).
		WithValueLogFileSize(1 << 20).WithMemTableSize(128 << 10).WithNumVersionsToKeep(1).
		WithBlockCacheSize(1 << 20)
	s, err := openBadgerWith(o, 100*time.Millisecond, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	val := bytes.Repeat([]byte("x"), 1000)
	for round := 0; round < 4; round++ {
		for i := 0; i < 3000; i++ {
			if err := s.put([]byte(fmt.Sprintf("k%06d", i)), val); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.db.Flatten(1); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for s.gc.runs.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	var out statsOut
	if err := s.stats(&out); err != nil {
		t.Fatal(err)
	}
	t.Logf("after GC:\n%s", out.String())
	m := parseStats(t, out.String())
	if m["value-log-gc-runs"].value == 0 {
		t.Error("no value-log GC run")
	}
	if m["value-log-bytes-reclaimed"].value == 0 {
		t.Error("no value-log bytes reclaimed")
	}
	for i := 0; i < 3000; i += 97 { // the values survive the rewrite
		v, found, err := getValue(s, []byte(fmt.Sprintf("k%06d", i)))
		if found && !bytes.Equal(v, val) {
			t.Errorf("k%06d: wrong value after GC", i)
		}
		if err != nil || !found {
			t.Fatalf("k%06d after GC: found=%v err=%v", i, found, err)
		}
	}
	if err := s.close(); err != nil {
		t.Fatal(err)
	}
	if g := settle(g0); g > g0 {
		t.Errorf("goroutines after close %d > %d before: %v", g, g0, goroutineOrigins())
	}
}

// getValue reads k whole, growing the buffer when the value is larger.
func getValue(s store, k []byte) ([]byte, bool, error) {
	buf := make([]byte, 64)
	for {
		n, found, err := s.get(k, buf)
		if err != nil || !found {
			return nil, found, err
		}
		if n <= len(buf) {
			return buf[:n], true, nil
		}
		buf = make([]byte, n)
	}
}

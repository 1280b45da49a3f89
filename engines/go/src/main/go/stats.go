package main

// Metrics for sb_stats and sb_runtime_stats: lines "label\tvalue\tkind\tsource\n", one per metric
// the engine (or the Go runtime) really measures; a metric that is not measured is left out, never
// written as zero. kind is "engine" when the value is read from the engine's (or the runtime's)
// own counters, "proxy" when this library measured a stand-in itself (e.g. file sizes from stat).
// Counters are cumulative since the store was opened, gauges are the level now.

import (
	"fmt"
	"math"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
)

const (
	kindEngine = "engine"
	kindProxy  = "proxy"
)

// statsOut accumulates metric lines.
type statsOut struct{ b strings.Builder }

func (o *statsOut) add(label string, value int64, kind, source string) {
	o.b.WriteString(label)
	o.b.WriteByte('\t')
	o.b.WriteString(strconv.FormatInt(value, 10))
	o.b.WriteByte('\t')
	o.b.WriteString(kind)
	o.b.WriteByte('\t')
	o.b.WriteString(strings.NewReplacer("\t", " ", "\n", " ").Replace(source))
	o.b.WriteByte('\n')
}

func (o *statsOut) String() string { return o.b.String() }

// statser is implemented by stores that report engine metrics.
type statser interface {
	stats(o *statsOut) error
}

// statsText is sb_stats's Go side: the engine's metrics of handle h, then the Go runtime's GC
// figures since the store was opened.
func statsText(h int64) (string, error) {
	hd, err := lookupHandle(h)
	if err != nil {
		return "", err
	}
	var o statsOut
	if s, ok := hd.s.(statser); ok {
		if err := s.stats(&o); err != nil {
			return "", err
		}
	}
	hd.gc.emit(&o)
	return o.String(), nil
}

// runtimeStatsText is sb_runtime_stats's Go side: the Go runtime's GC figures, process
// cumulative, without a pause percentile.
func runtimeStatsText() string {
	var o statsOut
	r := readRuntime()
	o.add("gc-cycles", int64(r.cycles), kindEngine, "Go runtime/metrics "+mCycles+" (process cumulative)")
	o.add("gc-pause-nanos", pauseNanos(r.pauseCounts, r.pauseBuckets), kindEngine,
		"Go runtime/metrics "+mPauses+" (process cumulative): sum of count x bucket midpoint, approximate, histogram midpoints")
	o.add("heap-in-use-bytes", int64(r.heapObjects), kindEngine, "Go runtime/metrics "+mHeapObjects+" now")
	o.add("heap-allocated-bytes", int64(r.allocs), kindEngine, "Go runtime/metrics "+mAllocs+" (process cumulative)")
	return o.String()
}

// ---- Go runtime GC pressure

const (
	mCycles      = "/gc/cycles/total:gc-cycles"
	mAllocs      = "/gc/heap/allocs:bytes"
	mHeapObjects = "/memory/classes/heap/objects:bytes"
	mPauses      = "/sched/pauses/total/gc:seconds"
)

type runtimeSample struct {
	cycles, allocs, heapObjects uint64
	pauseCounts                 []uint64
	pauseBuckets                []float64
}

func readRuntime() runtimeSample {
	s := []metrics.Sample{{Name: mCycles}, {Name: mAllocs}, {Name: mHeapObjects}, {Name: mPauses}}
	metrics.Read(s)
	var r runtimeSample
	r.cycles = uint64Of(s[0])
	r.allocs = uint64Of(s[1])
	r.heapObjects = uint64Of(s[2])
	if s[3].Value.Kind() == metrics.KindFloat64Histogram {
		h := s[3].Value.Float64Histogram()
		r.pauseCounts = append([]uint64(nil), h.Counts...)
		r.pauseBuckets = append([]float64(nil), h.Buckets...)
	}
	return r
}

func uint64Of(s metrics.Sample) uint64 {
	if s.Value.Kind() != metrics.KindUint64 {
		panic(fmt.Sprintf("runtime/metrics %s is not a uint64 in this Go (kind %d)", s.Name, s.Value.Kind()))
	}
	return s.Value.Uint64()
}

// bucketMid is the midpoint of bucket i, in seconds; an open-ended bucket counts at its finite end.
func bucketMid(buckets []float64, i int) float64 {
	lo, hi := buckets[i], buckets[i+1]
	switch {
	case math.IsInf(lo, -1) && math.IsInf(hi, 1):
		return 0
	case math.IsInf(lo, -1):
		return hi
	case math.IsInf(hi, 1):
		return lo
	}
	return (lo + hi) / 2
}

// pauseNanos approximates the total pause time of a histogram: sum of count x bucket midpoint.
func pauseNanos(counts []uint64, buckets []float64) int64 {
	var sec float64
	for i, c := range counts {
		if c > 0 {
			sec += float64(c) * math.Max(bucketMid(buckets, i), 0)
		}
	}
	return int64(math.Round(sec * 1e9))
}

// p99Nanos is the upper bound of the bucket holding the 99th percentile of counts (the lower
// bound for the open-ended last bucket); ok is false when counts are all zero.
func p99Nanos(counts []uint64, buckets []float64) (int64, bool) {
	var n uint64
	for _, c := range counts {
		n += c
	}
	if n == 0 {
		return 0, false
	}
	rank := uint64(math.Ceil(0.99 * float64(n)))
	var cum uint64
	for i, c := range counts {
		cum += c
		if cum >= rank {
			b := buckets[i+1]
			if math.IsInf(b, 1) {
				b = buckets[i]
			}
			return int64(math.Round(math.Max(b, 0) * 1e9)), true
		}
	}
	return 0, false // not reached
}

// diffCounts returns cur - prev per bucket (prev may be nil or of another length: then cur).
func diffCounts(cur, prev []uint64) []uint64 {
	d := make([]uint64, len(cur))
	copy(d, cur)
	if len(prev) == len(cur) {
		for i := range d {
			if d[i] >= prev[i] {
				d[i] -= prev[i]
			} else {
				d[i] = 0
			}
		}
	}
	return d
}

// gcTracker holds one handle's runtime baseline (taken at open) and the pause histogram of the
// previous sb_stats call, for the pause percentile of the window between two calls.
type gcTracker struct {
	mu   sync.Mutex
	base runtimeSample
	prev []uint64
}

func newGCTracker() *gcTracker {
	b := readRuntime()
	return &gcTracker{base: b, prev: b.pauseCounts}
}

func sub(a, b uint64) int64 {
	if a < b {
		return 0
	}
	return int64(a - b)
}

func (g *gcTracker) emit(o *statsOut) {
	g.mu.Lock() // read under the lock, so that concurrent calls see their windows in order
	r := readRuntime()
	window := diffCounts(r.pauseCounts, g.prev)
	g.prev = r.pauseCounts
	g.mu.Unlock()
	o.add("gc-cycles", sub(r.cycles, g.base.cycles), kindEngine, "Go runtime/metrics "+mCycles+" (process-wide) minus its value at open")
	o.add("gc-pause-nanos", pauseNanos(diffCounts(r.pauseCounts, g.base.pauseCounts), r.pauseBuckets), kindEngine,
		"Go runtime/metrics "+mPauses+" (process-wide) minus its counts at open: sum of count x bucket midpoint, approximate, histogram midpoints")
	if p, ok := p99Nanos(window, r.pauseBuckets); ok {
		o.add("gc-pause-p99-nanos", p, kindEngine,
			"Go runtime/metrics "+mPauses+" bucket counts since this handle's previous stats call: upper bound of the bucket holding the 99th percentile")
	}
	o.add("heap-in-use-bytes", int64(r.heapObjects), kindEngine, "Go runtime/metrics "+mHeapObjects+" now (process-wide)")
	o.add("heap-allocated-bytes", sub(r.allocs, g.base.allocs), kindEngine, "Go runtime/metrics "+mAllocs+" (process-wide) minus its value at open")
}

package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/cockroachdb/pebble/v2/vfs"
)

var _ vfs.FS = noSyncFS{}

// TestNoSyncFSWrapsEveryFile: every FS method that returns a file gives a noSyncFile, whose
// writes reach the real file and whose syncs succeed.
func TestNoSyncFSWrapsEveryFile(t *testing.T) {
	dir := t.TempDir()
	fs := newNoSyncFS(vfs.Default)
	path := func(name string) string { return filepath.Join(dir, name) }
	opened := map[string]func() (vfs.File, error){
		"Create":        func() (vfs.File, error) { return fs.Create(path("a"), vfs.WriteCategoryUnspecified) },
		"OpenReadWrite": func() (vfs.File, error) { return fs.OpenReadWrite(path("b"), vfs.WriteCategoryUnspecified) },
		"Open":          func() (vfs.File, error) { return fs.Open(path("a")) },
		"OpenDir":       func() (vfs.File, error) { return fs.OpenDir(dir) },
		"ReuseForWrite": func() (vfs.File, error) { return fs.ReuseForWrite(path("b"), path("c"), vfs.WriteCategoryUnspecified) },
	}
	written := map[string]string{"Create": "a", "ReuseForWrite": "c"} // the file each one writes
	for _, name := range []string{"Create", "OpenReadWrite", "Open", "OpenDir", "ReuseForWrite"} {
		f, err := opened[name]()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, ok := f.(noSyncFile); !ok {
			t.Errorf("%s returned %T, want noSyncFile", name, f)
		}
		if err := f.Sync(); err != nil {
			t.Errorf("%s: Sync: %v", name, err)
		}
		if err := f.SyncData(); err != nil {
			t.Errorf("%s: SyncData: %v", name, err)
		}
		if full, err := f.SyncTo(1); full || err != nil {
			t.Errorf("%s: SyncTo = %v, %v; want false, nil", name, full, err)
		}
		if file, ok := written[name]; ok {
			want := []byte("written by " + name)
			if _, err := f.Write(want); err != nil {
				t.Fatalf("%s: Write: %v", name, err)
			}
			if got, err := os.ReadFile(path(file)); err != nil || !bytes.Equal(got, want) {
				t.Errorf("%s: %s holds %q (%v), want %q", name, file, got, err, want)
			}
		}
		if err := f.Close(); err != nil {
			t.Errorf("%s: Close: %v", name, err)
		}
	}
	if fs.Unwrap() != vfs.Default {
		t.Errorf("Unwrap = %v, want vfs.Default", fs.Unwrap())
	}
}

// TestPebbleWritesReachTheOSBeforeAcknowledgement: under both profiles, when a put returns, its
// record is in the WAL file as the OS holds it (read back through a separate descriptor). 100
// puts of 16-byte values stay within the WAL's first 32 KiB block, so no record is split by a
// block header. With pebble.NoSync (the adapter's first `buffered`) this fails: the records stay
// in the LogWriter's block buffer, as nothing asks its flush goroutine to write them.
func TestPebbleWritesReachTheOSBeforeAcknowledgement(t *testing.T) {
	for _, strict := range []bool{false, true} {
		t.Run(fmt.Sprintf("strict=%v", strict), func(t *testing.T) {
			dir := t.TempDir()
			s, err := openPebble(dir, strict, 32<<20, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer s.close()
			for i := 0; i < 100; i++ {
				v := []byte(fmt.Sprintf("value-%010d", i))
				if err := s.put([]byte(fmt.Sprintf("key-%d", i)), v); err != nil {
					t.Fatal(err)
				}
				if !walHolds(t, dir, v) {
					t.Fatalf("put %d acknowledged, its value %q is not in the WAL file", i, v)
				}
			}
		})
	}
}

// walHolds reports whether one of dir's WAL files (*.log) holds v.
func walHolds(t *testing.T, dir string, v []byte) bool {
	t.Helper()
	logs, err := filepath.Glob(filepath.Join(dir, "*.log"))
	if err != nil || len(logs) == 0 {
		t.Fatalf("no WAL file in %s (%v)", dir, err)
	}
	for _, name := range logs {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, v) {
			return true
		}
	}
	return false
}

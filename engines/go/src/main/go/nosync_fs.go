package main

import "github.com/cockroachdb/pebble/v2/vfs"

// noSyncFS is pebble's `buffered` file system: the real one (vfs.Default) whose writable files and
// directories do every write but whose Sync, SyncData and SyncTo do nothing. Pebble writes with
// pebble.Sync over it, so its commit pipeline writes the WAL record to the file (a write(2)) and
// "syncs" before it acknowledges the batch: an acknowledged write is in the OS and survives a
// process crash, and no fsync is paid, so it need not survive an OS crash (as RocksDB's WAL
// without sync and LMDB's MDB_NOSYNC). pebble.NoSync would not do: the LogWriter then keeps the
// record in its user-space block buffer until its flush goroutine writes it, and a kill loses it.
//
// Every FS method that returns a file is wrapped (Create, Open, OpenReadWrite, OpenDir,
// ReuseForWrite): pebble syncs WAL, MANIFEST, OPTIONS and table files and their directories
// through them. The other methods pass through the embedded FS.
type noSyncFS struct {
	vfs.FS
}

func newNoSyncFS(inner vfs.FS) vfs.FS { return noSyncFS{inner} }

func (fs noSyncFS) Create(name string, category vfs.DiskWriteCategory) (vfs.File, error) {
	return noSyncWrap(fs.FS.Create(name, category))
}

func (fs noSyncFS) Open(name string, opts ...vfs.OpenOption) (vfs.File, error) {
	return noSyncWrap(fs.FS.Open(name, opts...))
}

func (fs noSyncFS) OpenReadWrite(name string, category vfs.DiskWriteCategory, opts ...vfs.OpenOption) (vfs.File, error) {
	return noSyncWrap(fs.FS.OpenReadWrite(name, category, opts...))
}

func (fs noSyncFS) OpenDir(name string) (vfs.File, error) {
	return noSyncWrap(fs.FS.OpenDir(name))
}

func (fs noSyncFS) ReuseForWrite(oldname, newname string, category vfs.DiskWriteCategory) (vfs.File, error) {
	return noSyncWrap(fs.FS.ReuseForWrite(oldname, newname, category))
}

// Unwrap returns the real file system (vfs.Root follows it).
func (fs noSyncFS) Unwrap() vfs.FS { return fs.FS }

func noSyncWrap(f vfs.File, err error) (vfs.File, error) {
	if err != nil {
		return nil, err
	}
	return noSyncFile{f}, nil
}

// noSyncFile is a real file whose syncs do nothing; its writes, reads, Preallocate and Fd are the
// real file's.
type noSyncFile struct {
	vfs.File
}

func (noSyncFile) Sync() error     { return nil }
func (noSyncFile) SyncData() error { return nil }

// SyncTo reports fullSync false: nothing was made durable (pebble then treats the prefix as queued).
func (noSyncFile) SyncTo(int64) (bool, error) { return false, nil }

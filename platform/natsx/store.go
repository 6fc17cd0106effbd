package natsx

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// ErrStoreBusy reports that another process owns a store.
var ErrStoreBusy = errors.New("store in use")

// StoreOwner is what the owner of a store records beside it, so that
// another command can say who holds it, or talk to the NATS server of the
// owner when it serves one (diplograph run).
type StoreOwner struct {
	PID     int       `json:"pid"`
	Command string    `json:"command"`
	URL     string    `json:"url,omitempty"` // client URL of the owner's NATS server
	Since   time.Time `json:"since"`
}

// StoreLock is the exclusive ownership of a store folder: one embedded
// NATS server at a time writes a JetStream store, since two would lose
// each other's messages. The lock is the operating system's, so a process
// that dies releases it.
type StoreLock struct {
	dir   string
	f     *os.File
	owner StoreOwner
}

const (
	lockFile  = "lock"
	ownerFile = "owner.json"
)

// LockStore takes the store folder dir (creating it) for command, or
// returns an error wrapping ErrStoreBusy when another process holds it.
func LockStore(dir, command string) (*StoreLock, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("data folder: %w", err)
	}
	f, err := os.OpenFile(filepath.Join(dir, lockFile), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("data folder %s: %w", dir, err)
	}
	if err := lockFileExclusive(f); err != nil {
		f.Close()
		return nil, err
	}
	l := &StoreLock{dir: dir, f: f, owner: StoreOwner{PID: os.Getpid(), Command: command, Since: time.Now().UTC()}}
	if err := l.write(); err != nil {
		l.Unlock()
		return nil, err
	}
	return l, nil
}

// Serve records the client URL of the owner's NATS server, which other
// commands on the same store then use instead of refusing.
func (l *StoreLock) Serve(url string) error {
	l.owner.URL = url
	return l.write()
}

// Unlock gives the store up.
func (l *StoreLock) Unlock() {
	if l == nil || l.f == nil {
		return
	}
	_ = os.Remove(filepath.Join(l.dir, ownerFile))
	_ = unlockFile(l.f)
	_ = l.f.Close()
	l.f = nil
}

func (l *StoreLock) write() error {
	data, _ := json.Marshal(l.owner)
	tmp := filepath.Join(l.dir, ownerFile+".tmp")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("data folder %s: %w", l.dir, err)
	}
	return os.Rename(tmp, filepath.Join(l.dir, ownerFile))
}

// ReadStoreOwner returns what the owner of the store folder dir recorded.
func ReadStoreOwner(dir string) (StoreOwner, error) {
	var o StoreOwner
	data, err := os.ReadFile(filepath.Join(dir, ownerFile))
	if err != nil {
		return o, err
	}
	return o, json.Unmarshal(data, &o)
}

// Describe names the owner for a message: "diplograph-ingest (pid 4242)".
func (o StoreOwner) Describe() string {
	if o.PID == 0 {
		return "another process"
	}
	return fmt.Sprintf("%s (pid %d)", o.Command, o.PID)
}

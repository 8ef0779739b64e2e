package embedded

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// The embedded Redis lives in memory. What `repurpose up` cannot rebuild from S3 (sign-in
// sessions, the digests' memory) is kept in a file: written every keepInterval and when
// it closes, read back when the next one starts.

// keepInterval bounds what a crash loses of the kept keys.
const keepInterval = 30 * time.Second

// keptKey is one key in the file: its type, value and time to live.
type keptKey struct {
	Type   string             `json:"type"`
	String string             `json:"string,omitempty"`
	Hash   map[string]string  `json:"hash,omitempty"`
	List   []string           `json:"list,omitempty"` // a list's items, or a set's members
	ZSet   map[string]float64 `json:"zset,omitempty"`
	TTL    time.Duration      `json:"ttl,omitempty"` // 0: none
}

// keeper writes the kept keys to its file.
type keeper struct {
	path     string
	prefixes []string
	onErr    func(error) // told when the file could not be written
	mu       sync.Mutex  // one write at a time
}

// Keep reads the keys kept in path into r, then keeps there every key that starts with
// one of prefixes: every keepInterval and when r closes; onErr is told of a failed write.
// Call it once, before r is used.
func (r *Redis) Keep(path string, onErr func(error), prefixes ...string) error {
	k := &keeper{path: path, prefixes: prefixes, onErr: onErr}
	if err := k.load(r); err != nil {
		return err
	}
	r.keep.Store(k)
	return nil
}

func (k *keeper) load(r *Redis) error {
	b, err := os.ReadFile(k.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var keys map[string]keptKey
	if err := json.Unmarshal(b, &keys); err != nil {
		return fmt.Errorf("embedded redis: %s: %w (delete it to start afresh)", k.path, err)
	}
	m := r.Miniredis
	for name, v := range keys {
		if !k.kept(name) {
			continue
		}
		switch v.Type {
		case "string":
			err = m.Set(name, v.String)
		case "hash":
			for f, val := range v.Hash {
				m.HSet(name, f, val)
			}
		case "list":
			_, err = m.Push(name, v.List...)
		case "set":
			_, err = m.SetAdd(name, v.List...)
		case "zset":
			for member, score := range v.ZSet {
				if _, err = m.ZAdd(name, score, member); err != nil {
					break
				}
			}
		}
		if err != nil {
			return fmt.Errorf("embedded redis: restore %s: %w", name, err)
		}
		if v.TTL > 0 {
			m.SetTTL(name, v.TTL)
		}
	}
	return nil
}

func (k *keeper) kept(name string) bool {
	return slices.ContainsFunc(k.prefixes, func(p string) bool { return strings.HasPrefix(name, p) })
}

// save writes the kept keys, telling onErr if it cannot.
func (k *keeper) save(r *Redis) {
	if err := k.write(r); err != nil && k.onErr != nil {
		k.onErr(err)
	}
}

// write writes the kept keys to a new file renamed into place, readable by its owner only
// (sessions are secrets).
func (k *keeper) write(r *Redis) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	m := r.Miniredis
	keys := map[string]keptKey{}
	for _, name := range m.Keys() {
		if !k.kept(name) {
			continue
		}
		v := keptKey{Type: m.Type(name), TTL: m.TTL(name)}
		var err error
		switch v.Type {
		case "string":
			v.String, err = m.Get(name)
		case "hash":
			var fields []string
			fields, err = m.HKeys(name)
			v.Hash = map[string]string{}
			for _, f := range fields {
				v.Hash[f] = m.HGet(name, f)
			}
		case "list":
			v.List, err = m.List(name)
		case "set":
			v.List, err = m.Members(name)
		case "zset":
			v.ZSet, err = m.SortedSet(name)
		default:
			continue // a type nothing kept uses
		}
		if err != nil {
			continue // gone or changed since listed
		}
		keys[name] = v
	}
	b, err := json.Marshal(keys)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(k.path), ".redis-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), k.path)
}

package record

import (
	"context"
	"slices"

	"github.com/redis/go-redis/v9"
)

// Which media anyone may fetch. /media/{sha256}.png|pdf is public because channels fetch
// images themselves (Threads), link previews and webhook receivers follow the URL, and a
// public page shows its title card. A draft's cards must not leak before anyone approves
// the words on them, so a file is public only while something approved lists it: an
// approved derivative of a source's current version (its cards, carousel and the link
// preview image it carries; a public page shows only approved sources), or an approved
// translation. Each such owner's files are indexed in Redis as it is indexed; reindex
// rebuilds them. People signed in to the toolkit may see every file (the route decides
// that, not this room).

func keyMediaOwners(key string) string  { return "repurpose:media:owners:" + key } // set of owners
func keyOwnerMedia(owner string) string { return "repurpose:media:of:" + owner }   // set of media keys

// SourceMediaOwner and TranslationMediaOwner name the owners of public media.
func SourceMediaOwner(sourceID string) string { return "source:" + sourceID }

// TranslationMediaOwner is the owner name of a translation's media (key: derivative/locale).
func TranslationMediaOwner(key string) string { return "translation:" + key }

// Public reports whether the media file key may be served to anyone: something
// approved lists it.
func (f *MediaFiles) Public(ctx context.Context, key string) (bool, error) {
	st := f.st
	if !ValidMediaKey(key) {
		return false, nil
	}
	n, err := st.rdb.SCard(ctx, keyMediaOwners(key)).Result()
	return n > 0, err
}

// SetPublic makes keys the public media of owner, replacing what it listed before
// (none: it lists nothing any more).
func (f *MediaFiles) SetPublic(ctx context.Context, owner string, keys []string) error {
	st := f.st
	old, err := st.rdb.SMembers(ctx, keyOwnerMedia(owner)).Result()
	if err != nil {
		return err
	}
	_, err = st.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		for _, k := range old {
			if !slices.Contains(keys, k) {
				p.SRem(ctx, keyMediaOwners(k), owner)
			}
		}
		p.Del(ctx, keyOwnerMedia(owner))
		for _, k := range keys {
			p.SAdd(ctx, keyMediaOwners(k), owner)
			p.SAdd(ctx, keyOwnerMedia(owner), k)
		}
		return nil
	})
	return err
}

// PublicMediaKeys are the keys of the media approved derivatives carry.
func PublicMediaKeys(ds []Derivative) []string {
	var keys []string
	for _, d := range ds {
		if d.Status != Approved {
			continue
		}
		keys = appendMediaKeys(keys, d.Media)
	}
	return keys
}

// appendMediaKeys adds the stored keys of ms that keys does not hold yet.
func appendMediaKeys(keys []string, ms []Media) []string {
	for _, m := range ms {
		if m.Key != "" && !slices.Contains(keys, m.Key) {
			keys = append(keys, m.Key)
		}
	}
	return keys
}

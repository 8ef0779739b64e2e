package record

import (
	"crypto/sha256"
	"encoding/base32"
)

// Tracked links (DESIGN.md, Links): every (derivative, channel, region) has a short code
// derived from its content, so it is stable and needs no allocation. The index shows a
// derivative with its tracked link when tracking is on.

var codeEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// TrackedCode is the code of a derivative's link on a channel in a region ("" for links
// that belong to no region: the toolkit's own, a contributor's share).
func TrackedCode(derivID, channel, region string) string {
	h := sha256.Sum256([]byte("link\x00" + derivID + "\x00" + channel + "\x00" + region))
	return codeEncoding.EncodeToString(h[:])[:10] // 50 bits: no collision among millions
}

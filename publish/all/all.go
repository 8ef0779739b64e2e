// Package all registers every publisher the application ships. Import it for its side
// effect wherever accounts are made from the configuration:
//
//	import _ "github.com/repurpose/repurpose/publish/all"
//
// A new publisher's package is added to the list below.
package all

import (
	_ "github.com/repurpose/repurpose/publish/bluesky"
	_ "github.com/repurpose/repurpose/publish/linkedin"
	_ "github.com/repurpose/repurpose/publish/mastodon"
	_ "github.com/repurpose/repurpose/publish/outbox"
	_ "github.com/repurpose/repurpose/publish/threads"
	_ "github.com/repurpose/repurpose/publish/webhook"
	_ "github.com/repurpose/repurpose/publish/wordpress"
	_ "github.com/repurpose/repurpose/publish/x"
)

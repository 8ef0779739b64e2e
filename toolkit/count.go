package toolkit

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/repurpose/repurpose/config"
	"github.com/repurpose/repurpose/transforms"
)

// CountResult is a text's length by a channel's own rules: what `repurpose count` prints
// and POST /api/v1/count answers, so an editor's live counter agrees with the server.
type CountResult struct {
	Channel        string `json:"channel"`
	WeightedLength int    `json:"weighted_length"`
	Limit          int    `json:"limit"`
	Valid          bool   `json:"valid"`
}

// Count measures text for channel under the configured limits.
func Count(f *config.File, channel, text string) (CountResult, error) {
	l, err := transforms.Count(channel, text)
	if err != nil {
		return CountResult{}, err
	}
	if channel == transforms.ChannelMastodon {
		l = transforms.CountMastodon(text, f.Channels.MastodonLimit) // the instance's own limit
	}
	return CountResult{Channel: channel, WeightedLength: l.Weighted, Limit: l.Limit, Valid: l.Valid}, nil
}

// maxCountBody bounds what the count endpoint reads: far more than any post.
const maxCountBody = 256 << 10

func (t *Toolkit) count(w http.ResponseWriter, r *http.Request, _ *Principal) {
	var req struct {
		Channel string `json:"channel"`
		Text    string `json:"text"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, maxCountBody)).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "bad_request", `send {"channel": "x", "text": "..."} as JSON`)
		return
	}
	res, err := Count(&t.cfg.File, req.Channel, req.Text)
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad_request", err.Error())
		return
	}
	writeJSON(w, http.StatusOK, res)
}

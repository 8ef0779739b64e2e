package toolkit

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/repurpose/repurpose/channel"
	"github.com/repurpose/repurpose/review"
)

// MaxTextBytes is the longest text, in UTF-8 bytes, that the toolkit counts or saves as a
// post (POST /api/v1/count, edits, rewrites): far more than any channel takes, so a
// longer one is no post. Beyond it the answer is 413.
const MaxTextBytes = 256 << 10

// maxCountBody bounds a request carrying one text: the text at its longest JSON-escaped
// ("\u00e9" for each byte at worst), and room for the rest.
const maxCountBody = 6*MaxTextBytes + 4<<10

// refuseLongText answers 413 and returns true when text is past MaxTextBytes.
func refuseLongText(w http.ResponseWriter, text string) bool {
	if len(text) <= MaxTextBytes {
		return false
	}
	tooLong(w, fmt.Sprintf("the text is %d bytes", len(text)))
	return true
}

func tooLong(w http.ResponseWriter, what string) {
	writeError(w, http.StatusRequestEntityTooLarge, "too_large",
		fmt.Sprintf("%s; at most %d bytes (%d KiB) of text are taken: send one post, not a document", what, MaxTextBytes, MaxTextBytes>>10))
}

func (t *Toolkit) count(w http.ResponseWriter, r *http.Request, _ *Principal) {
	var req struct {
		Channel string `json:"channel"`
		Text    string `json:"text"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxCountBody)).Decode(&req); err != nil {
		if errors.As(err, new(*http.MaxBytesError)) {
			tooLong(w, fmt.Sprintf("the request is over %d bytes", maxCountBody))
			return
		}
		writeError(w, http.StatusBadRequest, "bad_request", `send {"channel": "x", "text": "..."} as JSON`)
		return
	}
	if refuseLongText(w, req.Text) {
		return
	}
	res, err := review.Count(&t.cfg.File, channel.Name(req.Channel), req.Text)
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad_request", err.Error())
		return
	}
	writeJSON(w, http.StatusOK, res)
}

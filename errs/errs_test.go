package errs_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/repurpose/repurpose/errs"
)

func TestKindSurvivesWrapping(t *testing.T) {
	cause := errors.New("disk on fire")
	err := fmt.Errorf("saving: %w", errs.Wrap("record.Save", errs.Unavailable, cause))
	if errs.KindOf(err) != errs.Unavailable {
		t.Errorf("KindOf = %v, want unavailable", errs.KindOf(err))
	}
	if !errors.Is(err, errs.Unavailable) || errors.Is(err, errs.NotFound) {
		t.Error("errors.Is must match the error's kind and no other")
	}
	if !errors.Is(err, cause) {
		t.Error("the cause must stay reachable with errors.Is")
	}
	var e *errs.Error
	if !errors.As(err, &e) || e.Op != "record.Save" {
		t.Errorf("errors.As = %v, want the *Error with its Op", e)
	}
}

func TestOuterKindWins(t *testing.T) {
	inner := errs.E("record.Source", errs.NotFound, "no such source")
	outer := errs.Wrap("review.Approve", errs.Conflict, inner)
	if errs.KindOf(outer) != errs.Conflict {
		t.Errorf("KindOf = %v, want conflict", errs.KindOf(outer))
	}
	// An unclassified wrapper defers to what it wraps.
	if k := errs.KindOf(errs.Wrap("op", errs.Other, inner)); k != errs.NotFound {
		t.Errorf("KindOf through Other = %v, want not found", k)
	}
	if errs.KindOf(errors.New("plain")) != errs.Other || errs.KindOf(nil) != errs.Other {
		t.Error("unclassified errors are Other")
	}
	if !errors.Is(fmt.Errorf("x: %w", errs.NotFound), errs.NotFound) || errs.KindOf(errs.NotFound) != errs.NotFound {
		t.Error("a bare Kind is an error of that kind")
	}
}

func TestMessageIsForPeople(t *testing.T) {
	err := fmt.Errorf("ctx: %w", &errs.Error{Op: "review.Edit", Kind: errs.Rejected, Code: "empty", Msg: "the edited text is empty"})
	if got := errs.Message(err); got != "the edited text is empty" {
		t.Errorf("Message = %q", got)
	}
	if got := errs.CodeOf(err); got != "empty" {
		t.Errorf("CodeOf = %q", got)
	}
	if got := err.Error(); got != "ctx: review.Edit: the edited text is empty" {
		t.Errorf("Error = %q, want op and message", got)
	}
	wrapped := errs.Wrap("record.Save", errs.Unavailable, errors.New("connection refused"))
	if got := errs.Message(wrapped); got != "connection refused" {
		t.Errorf("Message of a wrapped cause = %q, want the cause's words without the op", got)
	}
}

package worker

import (
	"context"
	"errors"
	"testing"

	"github.com/hibiken/asynq"

	"github.com/repurpose/repurpose/errs"
)

func TestRetryPolicySkipsWhatCannotImprove(t *testing.T) {
	for _, c := range []struct {
		err  error
		skip bool
	}{
		{errs.E("worker.ingest", errs.Invalid, "the document could not be read"), true},
		{errs.E("translate", errs.Permanent, "unsupported language pair"), true},
		{errs.E("record.Source", errs.NotFound, ""), false},
		{errs.Wrap("record.Save", errs.Unavailable, errors.New("connection refused")), false},
		{errors.New("redis: connection refused"), false},
	} {
		h := retryPolicy(asynq.HandlerFunc(func(context.Context, *asynq.Task) error { return c.err }))
		err := h.ProcessTask(t.Context(), asynq.NewTask("t", nil))
		if got := errors.Is(err, asynq.SkipRetry); got != c.skip {
			t.Errorf("%v: skipped = %v, want %v", c.err, got, c.skip)
		}
		if !errors.Is(err, c.err) {
			t.Errorf("%v: the handler's error is lost: %v", c.err, err)
		}
	}
}

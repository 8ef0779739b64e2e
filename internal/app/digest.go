package app

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/repurpose/repurpose/config"
)

// Digest runs `repurpose digest`: with dryRun it prints the digest user would be sent
// now and sends nothing; else it sends it now and says where it went.
func Digest(ctx context.Context, cfg *config.Config, log *slog.Logger, w io.Writer, user string, dryRun bool) error {
	a, err := Connect(ctx, cfg, log, nil)
	if err != nil {
		return err
	}
	defer a.Close()
	if dryRun {
		if at, err := a.Digests.Unsubscribed(ctx, user); err != nil {
			return err
		} else if !at.IsZero() {
			fmt.Fprintf(w, "%s unsubscribed on %s: the scheduler sends them nothing.\n", user, at.Format("2 Jan 2006"))
		}
		dg, err := a.Digests.Build(ctx, user)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "To: %s\nSubject: %s\n\n%s", strings.Join(dg.To, ", "), dg.Subject(), dg.Text())
		return nil
	}
	if err := a.Digests.Check(); err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	res, err := a.Digests.Send(ctx, user)
	if err != nil {
		return err
	}
	if res.Topics == 0 {
		fmt.Fprintf(w, "nothing new for %s: nothing sent\n", user)
		return nil
	}
	fmt.Fprintf(w, "sent %d topics to %s (%s)\n", res.Topics, user, strings.Join(res.To, ", "))
	return nil
}

package main

// helpTexts add what a command's one-line summary cannot say.
var helpTexts = map[string]string{
	"up": `Starts an in-process Redis and an S3-compatible endpoint whose objects are files under
--data, creates the inbox and toolkit buckets, rebuilds the index from what is stored,
and runs serve, worker and scheduler together. Documents named on the command line are
uploaded and reported on; anything copied into the inbox later is processed within
seconds. It writes DIR/env (mode 0600): source it in another terminal and the other
commands reach this instance (source data/env && repurpose calendar).
To sign in to the web UI, the banner names the address and the user admin; at the first
start it prints admin's generated password, that once: only its argon2id hash is kept
(DIR/admin-password-hash; delete it and start again for a new password). A config file
that names a user admin is used as it is.
Across restarts nothing is lost: the record under --data (documents, reviews, plans,
translations, link counts, rolled up on the way out too), and, in DIR/redis-kept.json,
sign-in sessions and the digests' memory of what was sent and who unsubscribed. After a
crash, clicks since the last 5-minute roll-up and up to 30 s of sessions and digests
are lost.`,
	"serve": `Listens at once, even before Redis or S3 answer (S3 servers such as versitygw test
their webhook at start-up). /readyz says what is still missing. Without
REPURPOSE_EVENTS_TOKEN it will not start, unless REPURPOSE_EVENTS_OPEN=true.
Environment: REPURPOSE_HTTP_ADDR, REPURPOSE_EVENTS_TOKEN, REPURPOSE_EVENTS_OPEN, REPURPOSE_ADMIN_TOKEN,
REPURPOSE_PUBLIC_URL, and the common settings (see README.md).`,
	"worker": `Waits for Redis, then processes doc:ingest, plan:source and post:publish tasks. Run
several for more throughput. Concurrency per process: limits.worker_concurrency in the
config file. Every account's publisher is checked at start: a missing secret, or an
outbox bucket that does not exist, stops it with the setting's path.`,
	"scheduler": `Lists the inbox every limits.scan_interval (default 1m) and queues what has no
processed marker. Several schedulers may run: one scans per interval. At start, when the
publishing settings (regions, plans, accounts) changed since the plans were made, every
source is re-planned. Every 15 minutes it sends the digests that are due (users[].digest
in the config file); one scheduler sends each round. A digest variable that is unset or
not an https URL stops it with the setting's path.`,
	"derive": `Prints {"source": {...}, "derivatives": [...]} exactly as the API shows a source.
Uses the config file's campaigns when REPURPOSE_CONFIG is set. FILE is Markdown, HTML,
text, PDF, Word (.docx), PowerPoint (.pptx) or a transcript (.vtt, .srt); the format is
told by the content, and source.format names it. With --text it prints the document as
read, as Markdown: what the derivatives are made from. With --cards DIR it also renders the images the
worker would (stat, quote and title cards as PNG, LinkedIn carousels as PDF) into DIR,
named by their SHA-256, for people to look at, and lists them as each derivative's
"media" with their "file" paths.`,
	"count": `Prints {"channel", "weighted_length", "limit", "valid"} by the channel's own counting
rules (README.md, Derivatives, has the table); --channel names the channel.`,
	"digest": `A digest lists the topics approved since a period before the person's last digest that
match their interests (users[].digest in the config file: tags, channels, languages,
region) and that they were never sent, at most 20. Without --dry-run it goes now to
every destination they have (e-mail, Slack, Microsoft Teams), whether or not it is due,
and its topics are recorded as sent to them; the scheduler sends the digests that are
due (weekly by default) by itself. An unsubscribed person is sent nothing.`,
	"hash-password": `Prints an argon2id hash for a user's password_hash in the config file. On a terminal
the password is asked for without echo; otherwise one line is read from stdin:
  printf '%s\n' "$PASSWORD" | repurpose hash-password`,
	"reindex": `Use after Redis was flushed or replaced: the S3 record is the truth. Planned posts
not yet out are queued again under their TaskIDs; a source whose posts' time passed
while nothing ran them is re-planned to its next free slots.`,
	"calendar": `Reads the index (run reindex first after losing Redis). Times are the region's local
time; STATE is planned, or the outcome: published (with the post's URL), waiting,
failed or unknown (a person resolves it: POST /api/v1/plan/entries/{id}/resolve).`,
	"publishers": `Each account in the config file's accounts names one of these types. Secret settings
are never written in the file: name an environment variable (token_env) or a file
(token_file) holding them.`,
}

#!/usr/bin/env bash
# scripts/chaos.sh — the fault, bad-input and abuse scenarios of docs/reliability.md, on real
# processes (redis-server, versitygw, repurpose), with outages at full length.
#
#   scripts/chaos.sh              # everything, outages of 60 s (about 6 minutes)
#   scripts/chaos.sh --short      # what CI runs: outages of 8 s
#   scripts/chaos.sh --fuzz 60s   # and each fuzz target for that long
#
# Needs what scripts/test.sh installs (run `scripts/test.sh --setup-only` once).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export REPURPOSE_VERSITYGW="${REPURPOSE_VERSITYGW:-$HOME/.cache/repurpose/bin/versitygw}"
export REPURPOSE_FAULT_SECONDS=60
fuzztime=""
while (($#)); do
	case "$1" in
	--short) REPURPOSE_FAULT_SECONDS=8 ;;
	--fuzz) fuzztime="$2"; shift ;;
	*) echo "chaos.sh: unknown argument $1" >&2; exit 2 ;;
	esac
	shift
done
say() { printf '\n==> %s\n' "$*"; }

say "faults: worker killed mid-ingest and mid-publish, Redis restarted, S3 stopped for ${REPURPOSE_FAULT_SECONDS}s, duplicated events, Redis flushed"
go test ./systemtest ./scheduler ./s3store -count=1 -v -run 'TestSlowS3|TestWorkerKilled|TestRedisRestart|TestS3Outage|TestWebhookDown|TestDuplicateEvents|TestScanQueues|TestReviewClaimAndReindexAfterRedisFlush|TestReindexRequeues|TestServeAnswersTheTestEventWhileRedisIsDown' 2>&1 |
	grep -E '^(=== RUN|--- |PASS|FAIL|ok)|_test.go:[0-9]+:'

say "bad input and abuse: every bad document fails with a reason, hostile documents stay harmless, no fetching, no secrets in logs"
go test ./systemtest ./web -count=1 -v -run 'TestBadInput|TestPathologicalDocuments|TestNoServerSideFetch|TestSecretsNeverReachTheLogs|TestRouteRoleMatrix|TestPagesEscapeDocumentText|TestBrowserReviewClaimAndEdit|TestNextCannotRedirectOffSite|TestCrossOriginPostIsRefused|TestSignInFailuresAreGenericAndLimited|TestTrackedLinksRedirect' 2>&1 |
	grep -E '^(=== RUN|--- |PASS|FAIL|ok)|_test.go:[0-9]+:'

say "security: attacks replayed on real processes (docs/reliability.md, Security)"
go test ./systemtest ./publish ./embedded ./derive ./web -count=1 -v -run 'TestWebhookFollowsRedirectsWithinItsHostOnly|TestPublishRetriesBackOffWithinBudgetThenFail|TestPublishersAgainstHostileServices|TestPostDueWhileXDisconnectedWaitsAndIsPlannedAgainOnConnect|TestServeRefusesToStartWithAnOpenEventsEndpoint|TestForgedEventsNeverUndoAWithdrawal|TestEventsForObjectsNotInTheInboxCreateNothing|TestOneEventRequestBoundsItsWork|TestRedisExpiresKeysAsRedisDoes|TestUpKeepsScanningTheInbox|TestUpS3AcceptsOnlyThePrintedCredentials|TestMissingOutboxBucketIsReportedAtStart|TestCountEndpointAnswersDottedFloodsAndRefusesPastTheLimit|TestDerivativeLengthIsTheChannelsCountOfItsText|TestLengthIsTheChannelsCountOfThePostedText|TestRefitLengthIsTheChannelsCountOfThePostedText|TestSignInBurstCannotRaceTheLimit|TestSignInFailuresAreGenericAndLimited|TestForgedConversionsAreRefused|TestSlowAndIdleClientsAreCutOff|TestPublicPageOnlyWhileTheWholeSourceIsApproved|TestHugeFormIsRefusedBeforeParsing|TestRegionalCannotTranslateAnotherRegionsDocumentByAPI|TestMalformedRedisURLHidesItsPassword|TestCalendarAsJSONAndICalendar|TestCallbackShowsNoCraftedErrorText|TestPasswordChangeEndsSessions' 2>&1 |
	grep -E '^(=== RUN|--- |PASS|FAIL|ok)|_test.go:[0-9]+:'

if [[ -n "$fuzztime" ]]; then
	say "fuzzing each target for $fuzztime"
	for target in derive:FuzzParseDerive channel:FuzzCountX channel:FuzzFindURLs channel:FuzzDomainRuns channel:FuzzCountMastodon \
		channel:FuzzCountThreads channel:FuzzBluesky parse:FuzzFit worker:FuzzDecodeEvents cards:FuzzFit \
		inputs/pdf:FuzzLayout inputs/docx:FuzzDocx inputs/pptx:FuzzPptx inputs/transcript:FuzzTranscript; do
		pkg=${target%%:*} name=${target##*:}
		printf '  %-20s ' "$name"
		go test "./$pkg" -run '^$' -fuzz "^$name\$" -fuzztime "$fuzztime" 2>&1 | tail -1
	done
fi

// Package testservices starts the real services the tests of other packages need — a
// redis-server and a versitygw S3 gateway (posix backend) — on free loopback ports, each in
// its own process group, and tears them down with t.Cleanup.
//
// It is imported only from _test.go files. Every constructor takes the test's testing.TB:
// when a service cannot be started the test is skipped with a message saying how to install
// what is missing, or, when CI=true, it fails loudly (see Require).
//
//	rdb := testservices.NewRedis(t)          // rdb.URL = "redis://127.0.0.1:P/0"
//	s3s := testservices.S3(t, testservices.S3Options{Buckets: []string{"inbox", "toolkit"}})
//	client := s3s.Client()                   // aws-sdk-go-v2, path style, checksums WhenRequired
//	cmd.Env = append(os.Environ(), s3s.Env()...) // for the AWS CLI
//
// The versitygw binary is found through $REPURPOSE_VERSITYGW, then
// $HOME/.cache/repurpose/bin/versitygw, then $PATH; scripts/test.sh builds it there.
package testservices

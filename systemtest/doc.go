// Package systemtest runs repurpose as its users do: on a real redis-server and
// versitygw (internal/testservices), through internal/app (what each command of the
// binary calls) or the built binary itself, and checks what a person would check through
// the API, the pages, the S3 buckets and the process's output. It holds tests only.
package systemtest

//go:build !linux

package testservices

// probeXattr cannot tell off Linux; versitygw checks for itself, and S3 falls back to a
// sidecar folder when it refuses.
func probeXattr(string) error { return nil }

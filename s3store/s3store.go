// Package s3store is the one place that talks to S3: client settings that work with AWS
// and with S3-compatible servers, and the few calls the toolkit, scheduler and worker need.
package s3store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"

	"github.com/repurpose/repurpose/config"
)

// ErrNotFound means the bucket or object does not exist.
var ErrNotFound = errors.New("not found")

// ErrRejected means the server refused the request as malformed (HTTP 400), for example a
// key it does not accept; asking again will not help.
var ErrRejected = errors.New("rejected by the S3 server")

// TooLargeError means an object is over the size limit.
type TooLargeError struct{ Size, Limit int64 }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("object is %d bytes; the limit is %d", e.Size, e.Limit)
}

// Store wraps an S3 client.
type Store struct {
	c *s3.Client
}

// Object is a fetched object.
type Object struct {
	Key          string
	Body         []byte
	ETag         string
	Size         int64
	LastModified time.Time
	// Metadata is the object's user metadata (x-amz-meta-*), keys in lower case.
	Metadata map[string]string
}

// Info describes an object without its body.
type Info struct {
	Key          string
	ETag         string
	Size         int64
	LastModified time.Time
}

// New builds a store from the environment's infrastructure settings and the SDK's default
// credential chain (AWS_ACCESS_KEY_ID, profiles, instance roles).
func New(ctx context.Context, in config.Infra) (*Store, error) {
	cfg, err := awsconfig.LoadDefaultConfig(ctx, awsconfig.WithRegion(in.S3Region))
	if err != nil {
		return nil, fmt.Errorf("s3 settings: %w", err)
	}
	return FromAWS(cfg, in.S3Endpoint), nil
}

// FromAWS builds a store from an SDK configuration. With an endpoint, it speaks to an
// S3-compatible server: path-style addressing, and checksums only where required, since
// the SDK's default trailing checksums break uploads on several such servers.
func FromAWS(cfg aws.Config, endpoint string) *Store {
	c := s3.NewFromConfig(cfg, func(o *s3.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
			o.UsePathStyle = true
		}
		o.RequestChecksumCalculation = aws.RequestChecksumCalculationWhenRequired
		o.ResponseChecksumValidation = aws.ResponseChecksumValidationWhenRequired
	})
	return &Store{c: c}
}

// Client exposes the SDK client for uploads that need the transfer manager.
func (s *Store) Client() *s3.Client { return s.c }

// Get reads an object whole, refusing one larger than limit bytes (0: no limit).
func (s *Store) Get(ctx context.Context, bucket, key string, limit int64) (*Object, error) {
	out, err := s.c.GetObject(ctx, &s3.GetObjectInput{Bucket: &bucket, Key: &key})
	if err != nil {
		return nil, wrap("get", bucket, key, err)
	}
	defer out.Body.Close()
	size := aws.ToInt64(out.ContentLength)
	if limit > 0 && size > limit {
		return nil, &TooLargeError{Size: size, Limit: limit}
	}
	r := io.Reader(out.Body)
	if limit > 0 {
		r = io.LimitReader(out.Body, limit+1)
	}
	body, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("s3 get %s/%s: %w", bucket, key, err)
	}
	if limit > 0 && int64(len(body)) > limit {
		return nil, &TooLargeError{Size: int64(len(body)), Limit: limit}
	}
	return &Object{Key: key, Body: body, ETag: aws.ToString(out.ETag), Size: int64(len(body)),
		LastModified: aws.ToTime(out.LastModified), Metadata: out.Metadata}, nil
}

// Head describes an object.
func (s *Store) Head(ctx context.Context, bucket, key string) (*Info, error) {
	out, err := s.c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: &bucket, Key: &key})
	if err != nil {
		return nil, wrap("head", bucket, key, err)
	}
	return &Info{Key: key, ETag: aws.ToString(out.ETag), Size: aws.ToInt64(out.ContentLength),
		LastModified: aws.ToTime(out.LastModified)}, nil
}

// Put writes an object; the body is seekable so the SDK can sign and retry it.
func (s *Store) Put(ctx context.Context, bucket, key string, body []byte, contentType string) (string, error) {
	return s.PutMeta(ctx, bucket, key, body, contentType, nil)
}

// PutMeta writes an object with user metadata.
func (s *Store) PutMeta(ctx context.Context, bucket, key string, body []byte, contentType string, meta map[string]string) (string, error) {
	out, err := s.c.PutObject(ctx, &s3.PutObjectInput{
		Bucket: &bucket, Key: &key, Body: bytes.NewReader(body), Metadata: meta,
		ContentLength: aws.Int64(int64(len(body))), ContentType: aws.String(contentType),
	})
	if err != nil {
		return "", wrap("put", bucket, key, err)
	}
	return aws.ToString(out.ETag), nil
}

// Delete removes an object; a missing one is not an error.
func (s *Store) Delete(ctx context.Context, bucket, key string) error {
	_, err := s.c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: &bucket, Key: &key})
	if err != nil && !errors.Is(wrap("delete", bucket, key, err), ErrNotFound) {
		return wrap("delete", bucket, key, err)
	}
	return nil
}

// List calls fn for every object under prefix, in key order, page by page.
func (s *Store) List(ctx context.Context, bucket, prefix string, fn func(Info) error) error {
	p := s3.NewListObjectsV2Paginator(s.c, &s3.ListObjectsV2Input{Bucket: &bucket, Prefix: aws.String(prefix)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return wrap("list", bucket, prefix, err)
		}
		for _, o := range page.Contents {
			if err := fn(Info{Key: aws.ToString(o.Key), ETag: aws.ToString(o.ETag), Size: aws.ToInt64(o.Size),
				LastModified: aws.ToTime(o.LastModified)}); err != nil {
				return err
			}
		}
	}
	return nil
}

// EnsureBucket creates a bucket unless it exists.
func (s *Store) EnsureBucket(ctx context.Context, bucket string) error {
	if err := s.Ping(ctx, bucket); err == nil {
		return nil
	}
	_, err := s.c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: &bucket})
	var owned *types.BucketAlreadyOwnedByYou
	var exists *types.BucketAlreadyExists
	if err != nil && !errors.As(err, &owned) && !errors.As(err, &exists) {
		return wrap("create bucket", bucket, "", err)
	}
	return nil
}

// Ping checks that a bucket is reachable.
func (s *Store) Ping(ctx context.Context, bucket string) error {
	_, err := s.c.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: &bucket})
	return wrap("head bucket", bucket, "", err)
}

// wrap names the call and maps "no such key/bucket" to ErrNotFound.
func wrap(op, bucket, key string, err error) error {
	if err == nil {
		return nil
	}
	var nsk *types.NoSuchKey
	var nf *types.NotFound
	var nsb *types.NoSuchBucket
	var apiErr smithy.APIError
	notFound := errors.As(err, &nsk) || errors.As(err, &nf) || errors.As(err, &nsb)
	if !notFound && errors.As(err, &apiErr) {
		switch apiErr.ErrorCode() {
		case "NoSuchKey", "NotFound", "NoSuchBucket":
			notFound = true
		}
	}
	var re interface{ HTTPStatusCode() int }
	if !notFound && errors.As(err, &re) && re.HTTPStatusCode() == http.StatusNotFound {
		notFound = true
	}
	if notFound {
		return fmt.Errorf("s3 %s %s/%s: %w", op, bucket, key, ErrNotFound)
	}
	if errors.As(err, &re) && re.HTTPStatusCode() == http.StatusBadRequest {
		return fmt.Errorf("s3 %s %s/%s: %w: %v", op, bucket, key, ErrRejected, err)
	}
	return fmt.Errorf("s3 %s %s/%s: %w", op, bucket, key, err)
}

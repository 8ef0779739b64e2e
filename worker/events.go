package worker

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// ObjectEvent is one "object created" notification, whatever form it arrived in.
type ObjectEvent struct {
	Bucket string
	Key    string // decoded: the object's real key
	ETag   string // without quotes
	Size   int64
}

// objectRef names the bucket and object of an event. encoding/json matches keys without
// regard to case, so it reads both Records' "eTag" and EventBridge's "etag".
type objectRef struct {
	Bucket struct {
		Name string `json:"name"`
	} `json:"bucket"`
	Object struct {
		Key  string `json:"key"`
		Size int64  `json:"size"`
		ETag string `json:"eTag"`
	} `json:"object"`
}

// s3Record is one entry of an S3 notification's Records[] (AWS, MinIO, versitygw).
type s3Record struct {
	EventSource string    `json:"eventSource"`
	EventName   string    `json:"eventName"`
	S3          objectRef `json:"s3"`
}

// envelope holds every top-level field any supported form uses.
type envelope struct {
	Records []s3Record `json:"Records"`
	// s3:TestEvent (AWS and versitygw send one when notifications are set up)
	Event string `json:"Event"`
	// SNS
	Type         string `json:"Type"`
	Message      string `json:"Message"`
	SubscribeURL string `json:"SubscribeURL"`
	// EventBridge
	DetailType string     `json:"detail-type"`
	Source     string     `json:"source"`
	Detail     *objectRef `json:"detail"`
}

// Notice is what a body said besides object events: a test event, or an SNS
// subscription to confirm.
type Notice struct {
	Test         bool
	SubscribeURL string
}

// DecodeEvents reads an S3 event notification in any of the forms S3 and compatible
// servers send: AWS Records[] (form-URL-encoded keys, bare ETags), the same inside an SNS
// envelope, EventBridge "Object Created", and the versitygw/MinIO webhook (raw keys,
// quoted ETags). Only object-created events are returned; others are ignored.
func DecodeEvents(body []byte) ([]ObjectEvent, Notice, error) {
	var env envelope
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, Notice{}, fmt.Errorf("the body is not a JSON event notification: %w", err)
	}
	switch {
	case env.Type == "SubscriptionConfirmation":
		return nil, Notice{SubscribeURL: env.SubscribeURL}, nil
	case env.Type == "Notification":
		return DecodeEvents([]byte(env.Message))
	case env.Event == "s3:TestEvent":
		return nil, Notice{Test: true}, nil
	case env.Detail != nil && env.DetailType != "":
		if env.DetailType != "Object Created" {
			return nil, Notice{}, nil
		}
		d := env.Detail
		key, err := awsKey(d.Object.Key)
		if err != nil {
			return nil, Notice{}, err
		}
		return []ObjectEvent{{Bucket: d.Bucket.Name, Key: key, ETag: unquote(d.Object.ETag), Size: d.Object.Size}}, Notice{}, nil
	case env.Records != nil:
		var out []ObjectEvent
		for _, r := range env.Records {
			name := strings.TrimPrefix(r.EventName, "s3:")
			if !strings.HasPrefix(name, "ObjectCreated:") {
				continue
			}
			o := r.S3.Object
			key := o.Key
			// AWS form-URL-encodes keys and strips ETag quotes; versitygw sends raw keys and
			// keeps the quotes. The quotes tell the two apart.
			if !strings.HasPrefix(o.ETag, `"`) {
				var err error
				if key, err = awsKey(o.Key); err != nil {
					return nil, Notice{}, err
				}
			}
			if r.S3.Bucket.Name == "" || key == "" {
				return nil, Notice{}, errors.New("an event record has no bucket or key")
			}
			out = append(out, ObjectEvent{Bucket: r.S3.Bucket.Name, Key: key, ETag: unquote(o.ETag), Size: o.Size})
		}
		return out, Notice{}, nil
	}
	return nil, Notice{}, errors.New("the body is not an S3 event notification (no Records, SNS envelope or EventBridge detail)")
}

func awsKey(k string) (string, error) {
	key, err := url.QueryUnescape(k)
	if err != nil {
		return "", fmt.Errorf("event key %q is not form-URL-encoded: %w", k, err)
	}
	return key, nil
}

func unquote(etag string) string { return strings.Trim(etag, `"`) }

package worker

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestDecodeEvents(t *testing.T) {
	awsRecords := `{"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
		"s3":{"bucket":{"name":"inbox"},"object":{"key":"Q3+report%2B%C3%BCber+%281%29.md","size":120,"eTag":"0123abcd"}}}]}`
	sns, _ := json.Marshal(map[string]string{"Type": "Notification", "Message": awsRecords})
	tests := []struct {
		name string
		body string
		want []ObjectEvent
		test bool
	}{
		{"aws records decode form-encoded keys", awsRecords,
			[]ObjectEvent{{Bucket: "inbox", Key: "Q3 report+über (1).md", ETag: "0123abcd", Size: 120}}, false},
		{"sns envelope", string(sns),
			[]ObjectEvent{{Bucket: "inbox", Key: "Q3 report+über (1).md", ETag: "0123abcd", Size: 120}}, false},
		{"versitygw keeps raw keys and quoted etags", `{"Records":[{"eventName":"s3:ObjectCreated:Put",
			"s3":{"bucket":{"name":"inbox"},"object":{"key":"a+b c/ü.md","size":5,"eTag":"\"9f86d0\""}}}]}`,
			[]ObjectEvent{{Bucket: "inbox", Key: "a+b c/ü.md", ETag: "9f86d0", Size: 5}}, false},
		{"eventbridge object created", `{"version":"0","detail-type":"Object Created","source":"aws.s3",
			"detail":{"bucket":{"name":"inbox"},"object":{"key":"paper.md","size":9,"etag":"e1"}}}`,
			[]ObjectEvent{{Bucket: "inbox", Key: "paper.md", ETag: "e1", Size: 9}}, false},
		{"eventbridge other detail types are ignored", `{"detail-type":"Object Deleted","source":"aws.s3",
			"detail":{"bucket":{"name":"inbox"},"object":{"key":"paper.md"}}}`, nil, false},
		{"removals are ignored", `{"Records":[{"eventName":"ObjectRemoved:Delete","s3":{"bucket":{"name":"inbox"},"object":{"key":"x.md"}}}]}`, nil, false},
		{"test event", `{"Service":"Amazon S3","Event":"s3:TestEvent","Bucket":"inbox"}`, nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, notice, err := DecodeEvents([]byte(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("events = %+v, want %+v", got, tc.want)
			}
			if notice.Test != tc.test {
				t.Errorf("test event = %v, want %v", notice.Test, tc.test)
			}
		})
	}
}

func TestDecodeEventsRejectsWhatIsNotAnEvent(t *testing.T) {
	for _, body := range []string{``, `not json`, `{"hello":"world"}`, `[1,2]`,
		`{"Records":[{"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":""},"object":{"key":"a"}}}]}`,
		`{"Records":[{"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"b"},"object":{"key":"%zz","eTag":"x"}}}]}`} {
		if _, _, err := DecodeEvents([]byte(body)); err == nil {
			t.Errorf("DecodeEvents(%q) gave no error", body)
		}
	}
}

func TestDecodeEventsSNSSubscription(t *testing.T) {
	_, notice, err := DecodeEvents([]byte(`{"Type":"SubscriptionConfirmation","SubscribeURL":"https://sns.example/confirm"}`))
	if err != nil || notice.SubscribeURL != "https://sns.example/confirm" {
		t.Fatalf("notice = %+v, err = %v", notice, err)
	}
}

func FuzzDecodeEvents(f *testing.F) {
	f.Add([]byte(`{"Records":[{"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"b"},"object":{"key":"k%20x","eTag":"e"}}}]}`))
	f.Add([]byte(`{"Type":"Notification","Message":"{}"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		events, _, err := DecodeEvents(body)
		if err != nil {
			return
		}
		for _, e := range events {
			if e.Bucket == "" || e.Key == "" {
				t.Fatalf("decoded an event without bucket or key: %+v", e)
			}
		}
	})
}

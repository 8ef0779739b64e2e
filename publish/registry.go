package publish

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/repurpose/repurpose/config"
)

// Spec describes a publisher type: its settings and how to make one. Its settings are the
// single source of truth for validation and for the docs (`repurpose publishers`).
type Spec struct {
	Type    string
	Summary string
	Fields  []Field
	New     func(a *Account) (Publisher, error)
}

// Field is one setting of an account.
type Field struct {
	Name     string
	Required bool
	// Secret settings are never written in the file: the account names an environment
	// variable (name_env) or a file (name_file) holding the value.
	Secret bool
	Doc    string
}

var registry = map[string]Spec{}

// Register adds a publisher type; each publisher's file calls it from init.
func Register(s Spec) {
	if _, dup := registry[s.Type]; dup {
		panic("publish: type registered twice: " + s.Type)
	}
	registry[s.Type] = s
}

// Specs lists the registered publisher types by name.
func Specs() []Spec {
	out := make([]Spec, 0, len(registry))
	for _, s := range registry {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Type < out[j].Type })
	return out
}

// Account is a configured account as a publisher reads it: its settings, checked
// against the Spec, with secrets resolved from the environment or files.
type Account struct {
	Name     string
	Type     string
	settings map[string]string
	getenv   func(string) string
	readFile func(string) ([]byte, error)
	tokens   TokenSource
	client   *http.Client
	objects  ObjectWriter
}

// Get is a plain setting ("" when not set).
func (a *Account) Get(name string) string { return a.settings[name] }

// Secret reads a secret setting from the variable name_env or the file name_file.
func (a *Account) Secret(name string) (string, error) {
	v, err := config.Account{Type: a.Type, Settings: a.settings}.Secret(name, a.getenv, a.readFile)
	if err != nil {
		return "", fmt.Errorf("accounts.%s.%w", a.Name, err)
	}
	return v, nil
}

// Env is where secrets come from; the zero value reads the process's environment and
// files.
type Env struct {
	Getenv   func(string) string
	ReadFile func(string) ([]byte, error)
	// Tokens gives OAuth 2.0 user access tokens of accounts connected on the admin page
	// (X, LinkedIn); nil when there is no such store (then only static tokens work).
	Tokens TokenSource
	// HTTP is the client publishers call services with; nil: one with a 30 s timeout.
	// Its redirect policy is replaced: no publisher follows a redirect to another host.
	HTTP *http.Client
	// Objects is where the outbox writes (the S3 store); nil: no outbox accounts.
	Objects ObjectWriter
}

// ObjectWriter stores an object (S3's PutObject).
type ObjectWriter interface {
	Put(ctx context.Context, bucket, key string, body []byte, contentType string) (string, error)
}

// Objects is the account's Env.Objects.
func (a *Account) Objects() ObjectWriter { return a.objects }

// Tokens is the account's Env.Tokens (nil when there is none).
func (a *Account) Tokens() TokenSource { return a.tokens }

// HTTP is the client to call services with.
func (a *Account) HTTP() *http.Client { return a.client }

// New makes the publisher of a configured account. Unknown types and settings, missing
// required ones and secrets written in the clear are refused with the field's path.
func New(name string, acct config.Account, env Env) (Publisher, error) {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if env.ReadFile == nil {
		env.ReadFile = os.ReadFile
	}
	spec, ok := registry[acct.Type]
	if !ok {
		types := make([]string, 0, len(registry))
		for t := range registry {
			types = append(types, t)
		}
		slices.Sort(types)
		return nil, fmt.Errorf("accounts.%s.type: %q is not a publisher (%s)", name, acct.Type, strings.Join(types, ", "))
	}
	if env.HTTP == nil {
		env.HTTP = &http.Client{Timeout: 30 * time.Second}
	}
	client := *env.HTTP // whoever made it, it follows no redirect to another host
	client.CheckRedirect = sameHostRedirects
	env.HTTP = &client
	a := &Account{Name: name, Type: acct.Type, settings: acct.Settings, getenv: env.Getenv, readFile: env.ReadFile,
		tokens: env.Tokens, client: env.HTTP, objects: env.Objects}
	var errs []error
	known := map[string]bool{}
	for _, f := range spec.Fields {
		path := "accounts." + name + "." + f.Name
		if f.Secret {
			known[f.Name+"_env"], known[f.Name+"_file"] = true, true
			if acct.Settings[f.Name] != "" {
				errs = append(errs, fmt.Errorf("%s: a secret is not written in the file; set %s_env (a variable's name) or %s_file (a path)", path, f.Name, f.Name))
			}
			if acct.Settings[f.Name+"_env"] != "" && acct.Settings[f.Name+"_file"] != "" {
				errs = append(errs, fmt.Errorf("%s: set %s_env or %s_file, not both", path, f.Name, f.Name))
			}
			if f.Required && acct.Settings[f.Name+"_env"] == "" && acct.Settings[f.Name+"_file"] == "" {
				errs = append(errs, fmt.Errorf("%s_env: required (%s)", path, f.Doc))
			}
			continue
		}
		known[f.Name] = true
		if f.Required && strings.TrimSpace(acct.Settings[f.Name]) == "" {
			errs = append(errs, fmt.Errorf("%s: required (%s)", path, f.Doc))
		}
	}
	for k := range acct.Settings {
		if !known[k] {
			errs = append(errs, fmt.Errorf("accounts.%s.%s: is not a setting of %s accounts", name, k, acct.Type))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return spec.New(a)
}

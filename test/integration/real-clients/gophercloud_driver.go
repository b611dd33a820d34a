// Runs gophercloud's Block Storage v2 snapshot calls
// (github.com/gophercloud/gophercloud/openstack/blockstorage/v2/snapshots,
// v0.12.0 as Debian ships it) against the Cinder mock.
//
// It reads one job from standard input and prints one JSON line per case,
// exactly as the Python drivers do (see driver_common.py):
//
//	{"endpoint": "http://127.0.0.1:<port>/v2/<tenant_id>", "token": "...",
//	 "cases": [{"name", "call", "args", "prefer", "credentials"}]}
//
// The error a call returns is reported by its Go type (gophercloud.ErrDefault404,
// gophercloud.ErrUnexpectedResponseCode, ...). Build with GO111MODULE=off and
// GOPATH=/usr/share/gocode.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"time"

	"github.com/gophercloud/gophercloud"
	"github.com/gophercloud/gophercloud/openstack"
	"github.com/gophercloud/gophercloud/openstack/blockstorage/v2/snapshots"
)

type job struct {
	Endpoint string     `json:"endpoint"`
	Token    string     `json:"token"`
	Cases    []caseSpec `json:"cases"`
}

type caseSpec struct {
	Name        string          `json:"name"`
	Call        string          `json:"call"`
	Args        json.RawMessage `json:"args"`
	Prefer      string          `json:"prefer"`
	Credentials *bool           `json:"credentials"`
}

type result struct {
	Name      string      `json:"name"`
	OK        bool        `json:"ok"`
	Result    interface{} `json:"result"`
	Exception string      `json:"exception,omitempty"`
	Status    *int        `json:"status,omitempty"`
	Message   string      `json:"message,omitempty"`
	Requests  []string    `json:"requests"`
}

// recorder is the HTTP transport: it notes every request before sending it,
// and refuses any request to a host other than the mock's (the tests must not
// depend on the network).
type recorder struct {
	mockHost string
	requests []string
}

func (r *recorder) RoundTrip(request *http.Request) (*http.Response, error) {
	if request.URL.Host != r.mockHost {
		return nil, fmt.Errorf("refused to send a request to %s: it is not the mock", request.URL)
	}
	line := request.Method + " " + request.URL.Path
	if request.URL.RawQuery != "" {
		line += "?" + request.URL.RawQuery
	}
	r.requests = append(r.requests, line)
	return http.DefaultTransport.RoundTrip(request)
}

// fields is what gophercloud parsed, under the service's names. Times are
// written back in Cinder's own layout; a zero time (JSON null) becomes null.
type fields struct {
	ID          string            `json:"id"`
	Name        string            `json:"name"`
	Description string            `json:"description"`
	VolumeID    string            `json:"volume_id"`
	Status      string            `json:"status"`
	Size        int               `json:"size"`
	Metadata    map[string]string `json:"metadata"`
	CreatedAt   *string           `json:"created_at"`
	UpdatedAt   *string           `json:"updated_at"`
}

func cinderTime(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	text := t.Format("2006-01-02T15:04:05.000000")
	return &text
}

func fieldsOf(s *snapshots.Snapshot) interface{} {
	if s == nil {
		return nil
	}
	return fields{s.ID, s.Name, s.Description, s.VolumeID, s.Status, s.Size, s.Metadata, cinderTime(s.CreatedAt), cinderTime(s.UpdatedAt)}
}

type idArgs struct {
	SnapshotID string `json:"snapshot_id"`
}

type metadataArgs struct {
	SnapshotID string                 `json:"snapshot_id"`
	Metadata   map[string]interface{} `json:"metadata"`
}

type createAndWaitArgs struct {
	Snapshot   snapshots.CreateOpts `json:"snapshot"`
	WaitPrefer string               `json:"wait_prefer"`
	Seconds    int                  `json:"seconds"`
}

// A call decodes its arguments from the case and returns what it parsed.
type call func(client *gophercloud.ServiceClient, args json.RawMessage) (interface{}, error)

var calls = map[string]call{
	"Create": func(client *gophercloud.ServiceClient, raw json.RawMessage) (interface{}, error) {
		var opts snapshots.CreateOpts // its JSON names are the request's: volume_id, force, ...
		if err := json.Unmarshal(raw, &opts); err != nil {
			return nil, err
		}
		s, err := snapshots.Create(client, opts).Extract()
		return fieldsOf(s), err
	},
	"Get": func(client *gophercloud.ServiceClient, raw json.RawMessage) (interface{}, error) {
		var args idArgs
		if err := json.Unmarshal(raw, &args); err != nil {
			return nil, err
		}
		s, err := snapshots.Get(client, args.SnapshotID).Extract()
		return fieldsOf(s), err
	},
	"List": func(client *gophercloud.ServiceClient, raw json.RawMessage) (interface{}, error) {
		var opts snapshots.ListOpts // by Go field name: Name, Status, VolumeID, AllTenants, TenantID
		if err := json.Unmarshal(raw, &opts); err != nil {
			return nil, err
		}
		page, err := snapshots.List(client, opts).AllPages()
		if err != nil {
			return nil, err
		}
		all, err := snapshots.ExtractSnapshots(page)
		parsed := []interface{}{}
		for index := range all {
			parsed = append(parsed, fieldsOf(&all[index]))
		}
		return parsed, err
	},
	"UpdateMetadata": func(client *gophercloud.ServiceClient, raw json.RawMessage) (interface{}, error) {
		var args metadataArgs
		if err := json.Unmarshal(raw, &args); err != nil {
			return nil, err
		}
		return snapshots.UpdateMetadata(client, args.SnapshotID, snapshots.UpdateMetadataOpts{Metadata: args.Metadata}).ExtractMetadata()
	},
	"Delete": func(client *gophercloud.ServiceClient, raw json.RawMessage) (interface{}, error) {
		var args idArgs
		if err := json.Unmarshal(raw, &args); err != nil {
			return nil, err
		}
		return nil, snapshots.Delete(client, args.SnapshotID).ExtractErr()
	},
	// Create, then snapshots.WaitForStatus until "available" (it polls Get once a second).
	"CreateAndWait": func(client *gophercloud.ServiceClient, raw json.RawMessage) (interface{}, error) {
		args := createAndWaitArgs{Seconds: 10}
		if err := json.Unmarshal(raw, &args); err != nil {
			return nil, err
		}
		created, err := snapshots.Create(client, args.Snapshot).Extract()
		if err != nil {
			return nil, err
		}
		prefer(client, args.WaitPrefer) // what the mock answers while gophercloud polls
		if err := snapshots.WaitForStatus(client, created.ID, "available", args.Seconds); err != nil {
			return nil, err
		}
		return fieldsOf(created), nil
	},
}

// prefer sends `Prefer: value` on the client's following requests ("" for none).
func prefer(client *gophercloud.ServiceClient, value string) {
	client.MoreHeaders = map[string]string{}
	if value != "" {
		client.MoreHeaders["Prefer"] = value
	}
}

func statusOf(err error) *int {
	if coded, ok := err.(gophercloud.StatusCodeError); ok {
		status := coded.GetStatusCode()
		return &status
	}
	return nil
}

func main() {
	var work job
	if err := json.NewDecoder(os.Stdin).Decode(&work); err != nil {
		fmt.Fprintln(os.Stderr, "gophercloud_driver: the job on standard input is not valid JSON:", err)
		os.Exit(2)
	}
	// There is no Keystone: a fixed token, and an endpoint locator that answers
	// the mock's /v2/<tenant_id>/ for the volumev2 service.
	mock, err := url.Parse(work.Endpoint)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gophercloud_driver: the endpoint is not a URL:", err)
		os.Exit(2)
	}
	transport := &recorder{mockHost: mock.Host}
	provider := &gophercloud.ProviderClient{HTTPClient: http.Client{Transport: transport}}
	provider.EndpointLocator = func(gophercloud.EndpointOpts) (string, error) {
		return gophercloud.NormalizeURL(work.Endpoint), nil
	}
	client, err := openstack.NewBlockStorageV2(provider, gophercloud.EndpointOpts{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gophercloud_driver:", err)
		os.Exit(2)
	}

	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for _, spec := range work.Cases {
		run, known := calls[spec.Call]
		if !known {
			fmt.Fprintf(os.Stderr, "gophercloud_driver: unknown call %q in case %q\n", spec.Call, spec.Name)
			os.Exit(2)
		}
		provider.TokenID = work.Token
		if spec.Credentials != nil && !*spec.Credentials {
			provider.TokenID = "" // gophercloud then sends no X-Auth-Token
		}
		prefer(client, spec.Prefer)
		transport.requests = []string{}
		args := spec.Args
		if len(args) == 0 {
			args = json.RawMessage("{}")
		}

		parsed, err := run(client, args)
		record := result{Name: spec.Name, OK: err == nil, Result: parsed, Requests: transport.requests}
		if err != nil {
			record.Result = nil
			record.Exception = fmt.Sprintf("%T", err)
			record.Status = statusOf(err)
			record.Message = err.Error()
		}
		line, _ := json.Marshal(record)
		fmt.Fprintln(out, string(line))
	}
}

#!/usr/bin/python3
"""Runs tempest's volume snapshots client against the Cinder mock.

Cases come in on standard input; one result line each goes out (see
driver_common.py). tempest.lib.services.volume.v3.snapshots_client checks
every success answer against tempest's own JSON schemas
(tempest/lib/api_schema/response/volume/snapshots.py) and raises
InvalidHTTPResponseBody when one does not fit, so an ok result here means
the schema accepted the mock's answer. The waiters are tempest's own:
waiters.wait_for_volume_resource_status, as tempest/api/volume/base.py uses
after each create, and RestClient.wait_for_resource_deletion.
"""

from tempest.common import waiters
from tempest.lib.services.volume.v3 import snapshots_client

import driver_common


class FixedAuthProvider:
    """There is no Keystone: every request goes to the mock's /v2/<tenant_id>
    with the job's token (none when token is None). This is the part of
    tempest's AuthProvider interface that RestClient uses."""

    def __init__(self, endpoint, token):
        self.endpoint = endpoint.rstrip('/')
        self.token = token

    def auth_request(self, method, url, headers=None, body=None, filters=None):
        headers = dict(headers or {})
        if self.token is not None:
            headers['X-Auth-Token'] = self.token
        return '%s/%s' % (self.endpoint, url), headers, body

    def base_url(self, filters, auth_data=None):
        return self.endpoint

    def get_token(self):
        return self.token


class SnapshotsClient(snapshots_client.SnapshotsClient):
    """tempest's client, with a Prefer header on every request when one is set,
    a record of every request sent, and no request anywhere but the mock."""

    prefer = None

    def get_headers(self, accept_type=None, send_type=None):
        headers = super().get_headers(accept_type, send_type)
        if self.prefer:
            headers['Prefer'] = self.prefer
        return headers

    def raw_request(self, url, method, *args, **kwargs):
        driver_common.check_on_mock(url, self.auth_provider.endpoint)
        self.requests.append(driver_common.request_line(method, url))
        return super().raw_request(url, method, *args, **kwargs)


class Context:
    def __init__(self, job):
        self.job_token = job['token']
        self.auth = FixedAuthProvider(job['endpoint'], self.job_token)
        # Polls every 50 ms and gives up after 10 s (tempest's defaults: 1 s, 300 s).
        self.client = SnapshotsClient(self.auth, 'volumev3', 'RegionOne', build_interval=0.05, build_timeout=10)
        self.requests = self.client.requests = []

    def start(self, case):
        self.auth.token = self.job_token if case.get('credentials', True) else None
        self.prefer(case.get('prefer'))

    def prefer(self, value):
        self.client.prefer = value


def body(answer):
    """The decoded body tempest hands back (a ResponseBody, which is a dict)."""
    return dict(answer)


def create_and_wait(context, snapshot, wait_prefer=None):
    created = context.client.create_snapshot(**snapshot)['snapshot']
    context.prefer(wait_prefer)  # what the mock answers while tempest polls
    waiters.wait_for_volume_resource_status(context.client, created['id'], 'available')
    return created


def delete_and_wait(context, snapshot_id, wait_prefer=None):
    context.client.delete_snapshot(snapshot_id)
    context.prefer(wait_prefer)
    context.client.wait_for_resource_deletion(snapshot_id)
    return None


CALLS = {
    'create_snapshot': lambda c, **kwargs: body(c.client.create_snapshot(**kwargs)),
    'show_snapshot': lambda c, snapshot_id: body(c.client.show_snapshot(snapshot_id)),
    'list_snapshots': lambda c, **kwargs: body(c.client.list_snapshots(**kwargs)),
    'update_snapshot': lambda c, snapshot_id, **kwargs: body(c.client.update_snapshot(snapshot_id, **kwargs)),
    'delete_snapshot': lambda c, snapshot_id: body(c.client.delete_snapshot(snapshot_id)),
    'create_snapshot_metadata': lambda c, snapshot_id, metadata: body(c.client.create_snapshot_metadata(snapshot_id, metadata)),
    'show_snapshot_metadata': lambda c, snapshot_id: body(c.client.show_snapshot_metadata(snapshot_id)),
    'update_snapshot_metadata': lambda c, snapshot_id, **kwargs: body(c.client.update_snapshot_metadata(snapshot_id, **kwargs)),
    'show_snapshot_metadata_item': lambda c, snapshot_id, key: body(c.client.show_snapshot_metadata_item(snapshot_id, key)),
    'update_snapshot_metadata_item': lambda c, snapshot_id, key, **kwargs: body(
        c.client.update_snapshot_metadata_item(snapshot_id, key, **kwargs)),
    'delete_snapshot_metadata_item': lambda c, snapshot_id, key: body(c.client.delete_snapshot_metadata_item(snapshot_id, key)),
    'create_and_wait': create_and_wait,
    'delete_and_wait': delete_and_wait,
}

if __name__ == '__main__':
    driver_common.run(Context, CALLS)

#!/usr/bin/python3
"""Runs python-cinderclient's snapshot calls against the Cinder mock.

Cases come in on standard input; one result line each goes out (see
driver_common.py). cinderclient 9.x has only its v3 client; at API version
3.0 it sends no microversion header, so its requests are plain v2 requests,
and the keystoneauth session sends them to the mock's /v2/<tenant_id>.
"""

from cinderclient import client as cinder

import driver_common


def prepare(job):
    context = driver_common.KeystoneContext(job)
    context.client = cinder.Client('3.0', session=context.session).volume_snapshots
    return context


def info(resource):
    """What cinderclient parsed: the resource's attributes as the service sent them."""
    return None if resource is None else dict(resource._info)


def body(answer):
    """update and update_all_metadata hand back the decoded body itself."""
    return dict(answer)


def nothing(answer):
    """delete hands back the raw response and an empty body: nothing parsed."""
    return None


CALLS = {
    'create': lambda c, **kwargs: info(c.client.create(**kwargs)),
    'get': lambda c, snapshot_id: info(c.client.get(snapshot_id)),
    'list': lambda c, **kwargs: [info(s) for s in c.client.list(**kwargs)],
    'update': lambda c, snapshot_id, **kwargs: body(c.client.update(snapshot_id, **kwargs)),
    'delete': lambda c, snapshot_id: nothing(c.client.delete(snapshot_id)),
    'set_metadata': lambda c, snapshot_id, metadata: info(c.client.set_metadata(snapshot_id, metadata)),
    'update_all_metadata': lambda c, snapshot_id, metadata: body(c.client.update_all_metadata(snapshot_id, metadata)),
    'delete_metadata': lambda c, snapshot_id, keys: list(c.client.delete_metadata(snapshot_id, keys)),
}

if __name__ == '__main__':
    driver_common.run(prepare, CALLS)

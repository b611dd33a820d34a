#!/usr/bin/python3
"""Runs openstacksdk's Block Storage v2 calls against the Cinder mock.

Cases come in on standard input; one result line each goes out (see
driver_common.py). The calls are those of the v2 proxy
(openstack.block_storage.v2._proxy.Proxy, openstacksdk 0.101.0), plus the
metadata-item methods of its Snapshot resource, the waiters, and the two
lifecycles the SDK's users write: create then wait for `available`, delete
then wait until the snapshot is gone.
"""

import openstack
from openstack.block_storage.v2.snapshot import Snapshot

import driver_common


def prepare(job):
    context = driver_common.KeystoneContext(job)
    # An endpoint override with an API version: openstacksdk builds the v2
    # proxy directly instead of looking for a versions document.
    connection = openstack.connection.Connection(
        session=context.session,
        block_storage_api_version='2',
        block_storage_endpoint_override=job['endpoint'])
    context.client = connection.block_storage
    return context


def fields(resource):
    """The attributes the SDK parsed (its own names, e.g. is_forced for force)."""
    return None if resource is None else resource.to_dict(computed=False)


def known(snapshot_id):
    """A Snapshot the SDK has not fetched. Its metadata starts as {}, because
    set_metadata_item writes into the resource's metadata and fails on None."""
    return Snapshot.existing(id=snapshot_id, metadata={})


def create_and_wait(context, snapshot, wait_prefer=None, interval=0.05):
    created = context.client.create_snapshot(**snapshot)
    context.prefer(wait_prefer)  # what the mock answers while the SDK polls
    return fields(context.client.wait_for_status(created, status='available', interval=interval, wait=10))


def delete_and_wait(context, snapshot_id, wait_prefer=None, interval=0.05):
    context.client.delete_snapshot(snapshot_id, ignore_missing=False)
    context.prefer(wait_prefer)
    return fields(context.client.wait_for_delete(Snapshot.existing(id=snapshot_id), interval=interval, wait=10))


CALLS = {
    'create_snapshot': lambda c, **attrs: fields(c.client.create_snapshot(**attrs)),
    'get_snapshot': lambda c, snapshot_id: fields(c.client.get_snapshot(snapshot_id)),
    'snapshots': lambda c, **query: [fields(s) for s in c.client.snapshots(**query)],
    'delete_snapshot': lambda c, snapshot_id, **options: c.client.delete_snapshot(snapshot_id, **options),
    'get_snapshot_metadata': lambda c, snapshot_id: c.client.get_snapshot_metadata(snapshot_id).metadata,
    'set_snapshot_metadata': lambda c, snapshot_id, metadata: c.client.set_snapshot_metadata(snapshot_id, **metadata).metadata,
    'delete_snapshot_metadata': lambda c, snapshot_id, keys=None: c.client.delete_snapshot_metadata(snapshot_id, keys),
    'get_metadata_item': lambda c, snapshot_id, key: known(snapshot_id).get_metadata_item(c.client, key).metadata,
    'set_metadata_item': lambda c, snapshot_id, key, value: known(snapshot_id).set_metadata_item(c.client, key, value).metadata,
    'create_and_wait': create_and_wait,
    'delete_and_wait': delete_and_wait,
}

if __name__ == '__main__':
    driver_common.run(prepare, CALLS)

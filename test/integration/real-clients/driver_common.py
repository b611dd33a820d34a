"""What the Python real-client drivers share.

A driver reads one job from standard input, as JSON:

    {"endpoint": "http://127.0.0.1:<port>/v2/<tenant_id>", "token": "...",
     "cases": [{"name": "...", "call": "...", "args": {...},
                "prefer": "code=404" or null, "credentials": true}]}

and prints one JSON line per case, in order:

    {"name": ..., "ok": true, "result": <what the client parsed>, "requests": [...]}
    {"name": ..., "ok": false, "exception": "<module>.<Class>", "status": 404,
     "message": "...", "requests": [...]}

`requests` lists "METHOD /path?query" for every request the client sent
while running the case, so a test sees discovery calls or a wrong path.
Expectations stay on the vitest side; a driver only reports.
"""

import json
import sys
import urllib.parse


class RequestOffTheMock(Exception):
    """A client tried to send a request somewhere other than the mock (for
    example to the host of a list's next link). The drivers never let one
    leave: the tests must not depend on the network."""

    def __init__(self, url):
        super().__init__('refused to send a request to %s: it is not the mock' % url)


def origin(url):
    """'http://127.0.0.1:4011' for any URL on that host and port."""
    parts = urllib.parse.urlsplit(url)
    return '%s://%s' % (parts.scheme, parts.netloc)


def check_on_mock(url, endpoint):
    """Raises RequestOffTheMock unless url is on the mock's host and port."""
    if origin(url) != origin(endpoint):
        raise RequestOffTheMock(url)


def exception_name(error):
    """The class of an exception as the client's users import it."""
    return '%s.%s' % (type(error).__module__, type(error).__qualname__)


def status_of(error):
    """The HTTP status an exception carries, whichever client raised it."""
    for attribute in ('status_code', 'http_status', 'code'):
        value = getattr(error, attribute, None)
        if isinstance(value, int):
            return value
    response = getattr(error, 'resp', None)  # tempest's RestClientException
    status = getattr(response, 'status', None)
    return status if isinstance(status, int) else None


def request_line(method, url):
    """'GET /v2/<tenant>/snapshots?limit=1' for a full request URL."""
    parts = urllib.parse.urlsplit(url)
    return '%s %s%s' % (method, parts.path, '?' + parts.query if parts.query else '')


def run(prepare, calls):
    """Runs every case of the job on standard input.

    prepare(job) sets the client up once and returns an object with
      - client: what the call functions receive first,
      - requests: the list the client appends request lines to,
      - start(case): applies the case's Prefer header and credentials.
    calls maps a case's "call" to a function(context, **args) returning
    something JSON can carry.
    """
    job = json.load(sys.stdin)
    context = prepare(job)
    for case in job['cases']:
        record = {'name': case['name']}
        del context.requests[:]
        context.start(case)
        try:
            call = calls[case['call']]
        except KeyError:
            raise SystemExit('Unknown call %r in case %r; the driver knows %s.'
                             % (case['call'], case['name'], ', '.join(sorted(calls))))
        try:
            record.update(ok=True, result=call(context, **case.get('args', {})))
        except Exception as error:  # the outcome under test, reported, never hidden
            record.update(ok=False, exception=exception_name(error),
                          status=status_of(error), message=str(error))
        record['requests'] = list(context.requests)
        print(json.dumps(record, default=str), flush=True)


def keystone_session(job, context):
    """A keystoneauth Session for openstacksdk and cinderclient, without Keystone.

    The auth plugin is keystoneauth's token-and-endpoint plugin with the fixed
    token of the job and the mock's /v2/<tenant_id> as the endpoint. Version
    discovery is switched off: the mock serves the snapshot calls only, not
    Cinder's version documents. context.token = None sends no token at all.
    The Session's additional_headers carry each case's Prefer header, and a
    requests hook records every request sent. Requests to any other host are
    refused (RequestOffTheMock).
    """
    import requests.adapters
    from keystoneauth1 import session, token_endpoint

    class MockOnly(requests.adapters.HTTPAdapter):
        def send(self, request, *args, **kwargs):
            check_on_mock(request.url, job['endpoint'])
            return super().send(request, *args, **kwargs)

    class FixedToken(token_endpoint.Token):
        def get_endpoint_data(self, session, endpoint_override=None, discover_versions=True, **kwargs):
            return super().get_endpoint_data(
                session, endpoint_override=endpoint_override, discover_versions=False, **kwargs)

        def get_headers(self, session, **kwargs):
            return {} if context.token is None else {'X-Auth-Token': context.token}

    keystone = session.Session(auth=FixedToken(job['endpoint'], job['token']), additional_headers={})
    for scheme in ('http://', 'https://'):
        keystone.session.mount(scheme, MockOnly())
    keystone.session.hooks['response'].append(
        lambda response, *args, **kwargs: context.requests.append(
            request_line(response.request.method, response.request.url)))
    return keystone


class KeystoneContext:
    """The per-run state of a keystoneauth-based driver (see keystone_session)."""

    def __init__(self, job):
        self.job_token = job['token']
        self.token = self.job_token
        self.requests = []
        self.session = keystone_session(job, self)
        self.client = None

    def start(self, case):
        self.token = self.job_token if case.get('credentials', True) else None
        self.prefer(case.get('prefer'))

    def prefer(self, value):
        """Sends `Prefer: value` on the following requests (None: no Prefer)."""
        self.session.additional_headers.pop('Prefer', None)
        if value:
            self.session.additional_headers['Prefer'] = value

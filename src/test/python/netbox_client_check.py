"""Drives a running ceph-sync with pynetbox, as a netbox-ceph user's script would (PynetboxIT runs it).

Usage: netbox_client_check.py BASE_URL USERNAME PASSWORD ENDPOINT_ID BRANCH_ID
Prints one line per check; exits 1 at the first check that fails, saying what was expected and what came.
"""
import re
import sys

import pynetbox
from pynetbox.core.query import RequestError
from pynetbox.core.response import JsonField, Record

MODELS = {
    "clusters": ["name", "health"],
    "health_checks": ["name", "severity"],
    "daemons": ["daemon_type", "name", "state"],
    "osds": ["osd_id", "up", "in_cluster"],
    "pools": ["name"],
    "filesystems": ["name"],
    "crush_rules": ["name", "rule_type"],
    "flags": ["name", "enabled"],
}


class CephRecord(Record):
    """netbox-ceph's JSON fields kept as JSON: the raw Ceph payloads hold objects with a "url" key, which
    pynetbox's default Record would take for nested records (and fail on). The README's workaround."""
    status = JsonField
    metadata = JsonField
    raw = JsonField
    detail = JsonField


class ChangeRecord(Record):
    """A branch change's row versions are inventory rows: JSON too."""
    diff = JsonField
    original_data = JsonField
    modified_data = JsonField
    current_data = JsonField
    original = JsonField
    modified = JsonField


def with_record(app, name, record):
    found = getattr(app, name)
    found.return_obj = record
    return found


def check(condition, what):
    if not condition:
        print("FAIL: " + what, flush=True)
        sys.exit(1)
    print("ok: " + what.split(":")[0], flush=True)


def main(base, username, password, endpoint, branch):
    nb = pynetbox.api(base)
    token = nb.create_token(username, password)
    check(re.fullmatch("[0-9a-f]{40}", nb.token or "") is not None, "create_token sets a v1 token: %r" % nb.token)
    check(dict(token)["user"]["username"] == username, "the token is the user's: %r" % dict(token)["user"])
    # pynetbox asks for nb.version without its token, and ceph-sync's API root, like every call, needs a login:
    # the README's workaround puts the token on pynetbox's HTTP session
    nb.http_session.headers["Authorization"] = "Token " + nb.token
    check(nb.version == "4.2", "nb.version: %r" % nb.version)
    status = nb.status()
    check(status["plugins"]["netbox_ceph"] == "0.0.1", "nb.status() names netbox_ceph: %r" % status)

    threaded = pynetbox.api(base, token=nb.token, threading=True)
    for model, brief_fields in MODELS.items():
        app = with_record(nb.plugins.ceph, model, CephRecord)
        count = app.count(endpoint=endpoint)
        check(count > 0, "%s count(endpoint=%s): %r" % (model, endpoint, count))
        rows = list(app.filter(endpoint=endpoint))
        check(len(rows) == count, "%s filter lists count rows: %d vs %d" % (model, len(rows), count))
        paged = list(app.filter(endpoint=endpoint, limit=2))
        check([r.id for r in paged] == [r.id for r in rows], "%s pages of 2 give the same rows" % model)
        everything = list(with_record(threaded.plugins.ceph, model, CephRecord).all(limit=2))
        check(set(r.id for r in rows) <= set(r.id for r in everything), "%s threading=True pages through all" % model)

        first = rows[0]
        row = dict(first)
        check(row["tags"] == [] and row["custom_fields"] == {}, "%s rows carry tags and custom_fields: %r" % (model, row))
        # pynetbox sets a field named endpoint over its record's own endpoint attribute: read it from dict(record)
        check(row["endpoint"] == endpoint, "%s dict(record)['endpoint'] is the endpoint id: %r" % (model, row["endpoint"]))
        check(app.get(first.id).id == first.id, "%s get(id)" % model)
        if model == "osds":
            one = app.get(endpoint=endpoint, osd_id=row["osd_id"])
        elif model == "daemons":
            one = app.get(endpoint=endpoint, daemon_type=row["daemon_type"], name=row["name"])
        else:
            one = app.get(endpoint=endpoint, name=row["name"])
        check(one is not None and one.id == first.id, "%s get(filters) finds the one row" % model)

        brief = [dict(r) for r in app.filter(endpoint=endpoint, brief=True)]
        check(len(brief) == count, "%s brief lists every row" % model)
        check(list(brief[0].keys()) == ["id", "url", "display"] + brief_fields,
              "%s brief fields: %r" % (model, list(brief[0].keys())))

        try:
            app.create(name="written-by-pynetbox")
            check(False, "%s create is refused" % model)
        except RequestError as refused:
            check(refused.req.status_code == 405, "%s create is refused with 405: %d" % (model, refused.req.status_code))

    branches = nb.plugins.branching.branches
    check(branch in [b.id for b in branches.all()], "branches lists branch %d" % branch)
    check(branches.get(branch).status == "merged", "branch %d is merged" % branch)
    changes = list(with_record(nb.plugins.branching, "changes", ChangeRecord).filter(branch_id=branch))
    check(len(changes) == nb.plugins.branching.changes.count(branch_id=branch) > 0, "changes of the branch, counted")
    change = dict(changes[0])
    for field in ["object_type", "object_id", "object_repr", "action", "diff", "original_data", "modified_data",
                  "current_data", "conflicts"]:
        check(field in change, "changes carry %s: %r" % (field, sorted(change)))

    tokens = [dict(t) for t in nb.users.tokens.all()]
    check(dict(token)["id"] in [t["id"] for t in tokens], "users.tokens lists the token")
    check(all("token" not in t and (t["version"] == 2 or t["key"] is None) for t in tokens),
          "listed tokens show no secret (a v2 token's key is public)")
    print("all checks passed", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))

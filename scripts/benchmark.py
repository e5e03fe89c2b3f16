#!/usr/bin/env python3
"""Helper of scripts/benchmark.sh: runs one sync phase against a running server and measures it, takes
digests of the inventory, and prints the report. Standard library only; the password comes from a netrc
file (never from the command line).

  benchmark.py phase  --base URL --netrc FILE --pid PID --name NAME --out FILE
  benchmark.py digest --base URL --netrc FILE --out FILE
  benchmark.py report --results DIR --summary FILE --changed-summary FILE [--heap 1g]
"""
import argparse
import base64
import glob
import json
import netrc
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

TERMINAL = {"COMPLETED", "FAILED", "STOPPED", "ABANDONED"}
MODELS = ["clusters", "health-checks", "daemons", "osds", "pools", "filesystems", "crush-rules", "flags"]
# jstat -gc columns whose sum is the heap in use (KB)
HEAP_USED = ["S0U", "S1U", "EU", "OU"]


class Api:
    def __init__(self, base, netrc_file):
        self.base = base.rstrip("/")
        host = urllib.parse.urlparse(self.base).hostname
        login, _, password = netrc.netrc(netrc_file).authenticators(host)
        self.auth = "Basic " + base64.b64encode(("%s:%s" % (login, password)).encode()).decode()

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Authorization", self.auth)
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.load(response)


def proc_status(pid, field):
    """A /proc/<pid>/status figure in KB (VmRSS, VmHWM), or None."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def cpu_seconds(pid):
    """User + system CPU time the process has used so far (less sensitive than the wall clock to a busy host)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return 0.0


def reset_peak_rss(pid):
    """Resets VmHWM to the current RSS (Linux clear_refs 5), so a phase's peak is its own."""
    try:
        with open("/proc/%d/clear_refs" % pid, "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def jstat_once(pid):
    out = subprocess.run(["jstat", "-gc", str(pid)], capture_output=True, text=True, check=True).stdout.split("\n")
    return dict(zip(out[0].split(), (float(x) for x in out[1].split())))


def heap_used_kb(gc):
    return sum(gc.get(c, 0.0) for c in HEAP_USED)


class Sampler(threading.Thread):
    """Samples RSS and heap use every half second while a phase runs (jstat reads the JVM's perf data:
    no attach, no safepoint)."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid = pid
        self.max_rss = 0
        self.max_heap = 0.0
        self.samples = 0
        self.sampling = threading.Event()
        self.proc = subprocess.Popen(["jstat", "-gc", str(pid), "500"], stdout=subprocess.PIPE, text=True)

    def run(self):
        header = None
        for line in self.proc.stdout:
            parts = line.split()
            if not parts:
                continue
            if parts[0] == "S0C":
                header = parts
                continue
            if header is None or len(parts) != len(header):
                continue
            try:
                gc = dict(zip(header, (float(x) for x in parts)))
            except ValueError:
                continue
            self.samples += 1
            self.sampling.set()
            self.max_heap = max(self.max_heap, heap_used_kb(gc))
            self.max_rss = max(self.max_rss, proc_status(self.pid, "VmRSS") or 0)

    def stop(self):
        self.proc.terminate()
        self.proc.wait()
        self.join(timeout=5)


def note_read_commits(job, read_committed):
    """When each stage's read was first seen committed (its fetched count above 0): the fetch phase stages each
    endpoint in a transaction of its own, before the first chunk starts."""
    now = time.time()
    for stage in stages({"job": job}):
        if ((stage.get("response") or {}).get("fetched") or 0) > 0 and stage["resource"] not in read_committed:
            read_committed[stage["resource"]] = now


def iso_seconds(text):
    """Seconds since the epoch of an ISO time as the API writes it (2026-11-24T01:24:34.800Z)."""
    from datetime import datetime
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def database_bytes(args):
    """The embedded database's file size, or what the command given (PostgreSQL's pg_database_size) prints."""
    if args.db_size_command:
        return int(subprocess.run(args.db_size_command, shell=True, check=True, capture_output=True, text=True).stdout.strip())
    return os.path.getsize(args.db_file) if args.db_file and os.path.exists(args.db_file) else None


def phase(args):
    api = Api(args.base, args.netrc)
    pid = args.pid
    rss_before = proc_status(pid, "VmRSS")
    hwm_reset = reset_peak_rss(pid)
    gc_before = jstat_once(pid)
    cpu_before = cpu_seconds(pid)
    sampler = Sampler(pid)
    sampler.start()
    # jstat is a JVM of its own: its start-up would take a core from the phase it measures
    sampler.sampling.wait(timeout=30)
    started = time.monotonic()
    job = None
    error = None
    read_committed = {}
    try:
        for attempt in range(5):
            try:
                job = api.call("POST", "/api/sync/jobs", {"resources": ["full"]})
                break
            except Exception as e:  # a deployment that is still warming up
                if attempt == 4:
                    raise
                print("  start failed (%s), retrying" % e, file=sys.stderr)
                time.sleep(2)
        deadline = started + args.timeout
        while job["status"] not in TERMINAL and time.monotonic() < deadline:
            time.sleep(0.25)
            job = api.call("GET", "/api/sync/jobs/%d" % job["id"])
            note_read_commits(job, read_committed)
        if job["status"] not in TERMINAL:
            error = "still %s after %d s" % (job["status"], args.timeout)
    except Exception as e:  # the server failed: record it, the report says so
        error = "%s: %s" % (type(e).__name__, e)
        job = dict(job or {}, status="ERROR")
    wall = time.monotonic() - started
    cpu = cpu_seconds(pid) - cpu_before
    sampler.stop()
    peak_rss = proc_status(pid, "VmHWM") if hwm_reset else None
    peak_rss = max(peak_rss or 0, sampler.max_rss)
    gc_after = jstat_once(pid)
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, check=False)
    heap_after_gc = heap_used_kb(jstat_once(pid))
    result = {
        "name": args.name,
        "job": job,
        "error": error,
        "read_committed_at": read_committed,
        "wall_seconds": round(wall, 2),
        "cpu_seconds": round(cpu, 1),
        "rss_before_kb": rss_before,
        "peak_rss_kb": peak_rss,
        "rss_after_kb": proc_status(pid, "VmRSS"),
        "peak_heap_kb": round(sampler.max_heap),
        "heap_after_gc_kb": round(heap_after_gc),
        "heap_samples": sampler.samples,
        "young_gcs": int(gc_after.get("YGC", 0) - gc_before.get("YGC", 0)),
        "full_gcs": int(gc_after.get("FGC", 0) - gc_before.get("FGC", 0)),
        "gc_seconds": round(gc_after.get("GCT", 0) - gc_before.get("GCT", 0), 2),
        "db_bytes": database_bytes(args),
    }
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
    doc = job.get("data", {}).get("ceph_sync", {})
    if error:
        print("  error: " + error)
    print("  job %s: %s, job runtime %.1f s, wall %.1f s, server CPU %.1f s, peak RSS %d MB, heap after GC %d MB"
          % (job.get("id"), job["status"], doc.get("runtime_seconds", 0.0), wall, cpu, peak_rss / 1024, heap_after_gc / 1024))
    return 0 if job["status"] == "COMPLETED" else 1


def digest(args):
    """Every inventory row's id and last_updated, by model: what a write would change."""
    api = Api(args.base, args.netrc)
    rows = {}
    for model in MODELS:
        seen = {}
        offset = 0
        while True:
            page = api.call("GET", "/api/plugins/ceph/%s/?limit=1000&offset=%d" % (model, offset))
            for row in page["results"]:
                seen[str(row["id"])] = row.get("last_updated")
            offset += len(page["results"])
            if not page["results"] or offset >= page["count"]:
                break
        rows[model] = seen
    with open(args.out, "w") as f:
        json.dump(rows, f)
    print("  inventory: " + ", ".join("%s %d" % (m, len(r)) for m, r in rows.items()))
    return 0


def stages(result):
    try:
        return result["job"]["data"]["ceph_sync"]["response"]["stages"]
    except (KeyError, TypeError):
        return []


def totals(result):
    t = {k: 0 for k in ("fetched", "created", "updated", "deleted", "unchanged")}
    for s in stages(result):
        r = s.get("response") or {}
        for k in t:
            t[k] += r.get(k, 0) or 0
    return t


def micros(timestamp):
    """An API time as whole microseconds since the epoch, rounded as the database rounds it: a row fresh from
    the writer shows nanoseconds through the cache, the same row read back from H2 shows microseconds."""
    if not timestamp:
        return timestamp
    from datetime import datetime, timezone
    head, _, fraction = timestamp.rstrip("Z").partition(".")
    seconds = int(datetime.fromisoformat(head).replace(tzinfo=timezone.utc).timestamp())
    nanos = int((fraction + "000000000")[:9])
    return seconds * 1_000_000 + (nanos + 500) // 1000


def changed_rows(before, after):
    """Rows created, rewritten (last_updated moved) or deleted between two digests, by model; and the rows whose
    last_updated only changed precision (the same instant read back from the database instead of the cache)."""
    out, precision = {}, {}
    for model in MODELS:
        b, a = before.get(model, {}), after.get(model, {})
        n = sum(1 for k, v in a.items() if micros(b.get(k)) != micros(v)) + sum(1 for k in b if k not in a)
        p = sum(1 for k, v in a.items() if k in b and b[k] != v and micros(b[k]) == micros(v))
        if n:
            out[model] = n
        if p:
            precision[model] = p
    return out, precision


def note_precision(phase, precision):
    if precision:
        print("%s: note: unchanged rows whose last_updated came back at another precision (nanoseconds as the writer"
              " set it, through EclipseLink's cache, then rounded to microseconds when read back from H2): %s"
              % (phase, precision))


def report(args):
    load = lambda p: json.load(open(p))
    summary = load(args.summary)
    changed_summary = load(args.changed_summary)
    phases = []
    missing = []
    for name in ("full", "resync", "changed"):
        path = os.path.join(args.results, name + ".json")
        if os.path.exists(path):
            phases.append(load(path))
        else:
            missing.append(name)
    digests = {}
    for name in ("full", "resync", "changed"):
        path = os.path.join(args.results, "digest-%s.json" % name)
        if os.path.exists(path):
            digests[name] = load(path)

    print()
    print("Synthetic cluster: %(osds)d OSDs on %(hosts)d hosts, %(pools)d pools, %(daemons)d daemons "
          "(%(mons)d mon, %(mgrs)d mgr, %(mds)d mds), %(rules)d CRUSH rules, %(flags)d flags, "
          "%(filesystems)d filesystem(s); snapshot %(bytes)d bytes" % summary)
    print("Changed variant: %d OSDs down (+ OSD_DOWN health check). Server heap limit -Xmx%s."
          % (changed_summary["down_osds"], args.heap))
    print()
    head = ("phase", "status", "job s", "wall s", "CPU s", "items", "items/s", "created", "updated", "deleted",
            "unchanged", "peak RSS", "peak heap", "heap@GC", "GCs y/f", "GC s", "DB file")
    fmt = "%-8s %-9s %6s %6s %6s %6s %7s %7s %7s %7s %9s %8s %9s %7s %7s %5s %7s"
    print(fmt % head)
    print("(job s: the job's own runtime; wall s: from the start request to COMPLETED, polled every 0.25 s; CPU s: the"
          " server's user+system CPU; items/s: items fetched / wall s; peak heap: most heap in use in a half-second"
          " sample; heap@GC: heap in use after a full GC at the end; DB file: the H2 file, or the PostgreSQL database, after the phase)")
    for p in phases:
        doc = (p["job"].get("data") or {}).get("ceph_sync") or {}
        t = totals(p)
        runtime = doc.get("runtime_seconds") or 0.0
        wall = p["wall_seconds"]
        print(fmt % (p["name"], p["job"]["status"], "%.1f" % runtime, "%.1f" % wall, "%.1f" % p.get("cpu_seconds", 0),
                     t["fetched"], "%.0f" % (t["fetched"] / wall if wall else 0), t["created"], t["updated"], t["deleted"],
                     t["unchanged"], "%d MB" % (p["peak_rss_kb"] / 1024), "%d MB" % (p["peak_heap_kb"] / 1024),
                     "%d MB" % (p["heap_after_gc_kb"] / 1024), "%d/%d" % (p["young_gcs"], p["full_gcs"]),
                     "%.1f" % p["gc_seconds"], "%d MB" % (p["db_bytes"] / 2 ** 20) if p.get("db_bytes") else "-"))
    print()
    print("Per stage (seconds; fetched/created/updated/deleted/unchanged):")
    names = max(([s["resource"] for s in stages(p)] for p in phases), key=len, default=[])
    print("%-12s" % "stage" + "".join(" %-34s" % p["name"] for p in phases))
    for i, stage in enumerate(names):
        cells = []
        for p in phases:
            s = stages(p)[i] if i < len(stages(p)) else {"runtime_seconds": 0.0}
            r = s.get("response") or {}
            cells.append("%6.1f s %s" % (s["runtime_seconds"], "/".join(str(r.get(k, "-")) for k in
                                                                       ("fetched", "created", "updated", "deleted", "unchanged"))))
            if s.get("error"):
                cells[-1] += " ERROR"
        print("%-12s" % stage + "".join(" %-34s" % c for c in cells))
    print()
    print("Steps (seconds): read = step start to the fetch phase's commit (the step listener fetches, splits, maps and"
          " stages each endpoint's items in a transaction of its own, before the chunks; +-0.25 s); step = start to end,"
          " which includes each endpoint's deletions in the chunk of its end mark; stage = the stage's runtime_seconds")

    for p in phases:
        cells = []
        stage_runtime = {s["resource"]: s["runtime_seconds"] for s in stages(p)}
        for step in p["job"].get("steps") or []:
            if step["name"] not in ("osds", "pools", "daemons") or not step.get("started") or not step.get("ended"):
                continue
            start, end = iso_seconds(step["started"]), iso_seconds(step["ended"])
            first = (p.get("read_committed_at") or {}).get(step["name"])
            cells.append("%s: read %s, step %.1f, stage %.1f" % (step["name"], "%.1f" % (first - start) if first else "?",
                                                               end - start, stage_runtime.get(step["name"], 0.0)))
        ends = [iso_seconds(st["ended"]) for st in p["job"].get("steps") or [] if st.get("ended")]
        if ends and p["job"].get("completed"):
            cells.append("after the last step (staged items purged): %.1f" % (iso_seconds(p["job"]["completed"]) - max(ends)))
        print("  %-8s %s" % (p["name"], "; ".join(cells)))
    for p in phases:
        for s in stages(p):
            if s.get("error"):
                print("  %s / %s: %s" % (p["name"], s["resource"], s["error"]))

    # the verdict
    problems = ["%s: no result (the phase could not run)" % name for name in missing]
    by_name = {p["name"]: p for p in phases}
    for p in phases:
        if p["job"].get("status") != "COMPLETED":
            problems.append("%s: the job ended %s%s" % (p["name"], p["job"].get("status"),
                                                        " (" + p["error"] + ")" if p.get("error") else ""))
    if args.server_log and os.path.exists(args.server_log):
        with open(args.server_log, errors="replace") as f:
            ooms = sum(1 for line in f if "OutOfMemoryError" in line)
        if ooms:
            problems.append("the server log has %d OutOfMemoryError lines (%s)" % (ooms, args.server_log))
    expected_fetch = {"osds": summary["osds"], "pools": summary["pools"], "daemons": summary["daemons"],
                      "crush": summary["rules"], "flags": summary["flags"], "filesystems": summary["filesystems"],
                      "status": 1 + summary["health_checks"]}
    if "full" in by_name:
        for s in stages(by_name["full"]):
            r = s.get("response") or {}
            want = expected_fetch.get(s["resource"])
            if want is not None and r.get("fetched") != want:
                problems.append("full: stage %s fetched %s, the snapshot has %d" % (s["resource"], r.get("fetched"), want))
    if "resync" in by_name:
        t = totals(by_name["resync"])
        if t["created"] or t["updated"] or t["deleted"]:
            problems.append("resync: wrote rows (created %(created)d, updated %(updated)d, deleted %(deleted)d)" % t)
        if "full" in digests and "resync" in digests:
            moved, precision = changed_rows(digests["full"], digests["resync"])
            note_precision("resync", precision)
            if moved:
                problems.append("resync: inventory rows changed: %s" % moved)
            else:
                print("\nresync: every inventory row has the id and last_updated it had before (digest of %d rows)"
                      % sum(len(r) for r in digests["resync"].values()))
    if "changed" in by_name:
        down = changed_summary["down_osds"]
        osd = next((s for s in stages(by_name["changed"]) if s["resource"] == "osds"), {})
        r = osd.get("response") or {}
        if r.get("updated") != down or r.get("created") or r.get("deleted"):
            problems.append("changed: osds stage updated %s rows (created %s, deleted %s), expected %d updated"
                            % (r.get("updated"), r.get("created"), r.get("deleted"), down))
        if "resync" in digests and "changed" in digests:
            moved, precision = changed_rows(digests["resync"], digests["changed"])
            note_precision("changed", precision)
            print("changed: rows written per model (from the digests): %s" % (moved or "none"))
            if moved.get("osds", 0) != down:
                problems.append("changed: %s OSD rows changed, expected %d" % (moved.get("osds", 0), down))
            others = {m: n for m, n in moved.items() if m not in ("osds", "clusters", "health-checks")}
            if others:
                problems.append("changed: rows of unchanged resources were written: %s" % others)
    print()
    if problems:
        print("BENCHMARK FAILED:")
        for p in problems:
            print("  - " + p)
        return 1
    print("OK: all runs completed; the resync wrote no row; the changed run wrote only what changed.")
    return 0


def growth(args):
    """The database file after each sync, against its size after the first: staged data must not pile up."""
    results = []
    for name in args.phases:
        path = os.path.join(args.results, name + ".json")
        if os.path.exists(path):
            results.append(json.load(open(path)))
    sizes = [(r["name"], r["job"]["status"], r.get("db_bytes")) for r in results]
    if not sizes or not sizes[0][2]:
        print("DB growth: no database size recorded")
        return 1
    first = sizes[0][2]
    print()
    print("Database size after each of %d syncs (limit: %.1fx the size after the first):" % (len(sizes), args.limit))
    for name, status, size in sizes:
        print("  %-10s %-9s %7.1f MB  %.2fx" % (name, status, size / 2 ** 20, size / first))
    ratio = sizes[-1][2] / first
    failed = [name for name, status, _ in sizes if status != "COMPLETED"]
    if failed or ratio > args.limit:
        print("DB GROWTH FAILED: %s" % ("runs not completed: %s" % failed if failed else "%.2fx > %.1fx" % (ratio, args.limit)))
        return 1
    print("OK: after %d syncs the database is %.2fx its size after the first." % (len(sizes), ratio))
    return 0


# The goals: each phase's job runtime against the bare baseline's figure it is compared with.
RATIO_GOALS = (("full", "parse_insert_s", 2.5), ("resync", "parse_hash_compare_s", 2.0), ("changed", "parse_hash_compare_s", 2.5))


def ratios(args):
    """Each phase's job runtime as a multiple of the bare baseline (scripts/benchmark.sh ran it just before)."""
    baseline = json.load(open(args.baseline))
    print()
    print("Against the bare baseline (org.cephsync.bench.BareBaseline: JSON-P + plain JDBC into an H2 file, same "
          "snapshot, %d rows, best of 3): parse + insert %.2f s, parse + hash + compare %.2f s"
          % (baseline["rows"], baseline["parse_insert_s"], baseline["parse_hash_compare_s"]))
    for name, figure, goal in RATIO_GOALS:
        path = os.path.join(args.results, name + ".json")
        if not os.path.exists(path):
            continue
        job = runtime_seconds(path)
        ratio = job / baseline[figure]
        verdict = "within" if ratio <= goal else "OVER"
        print("  %-8s job %6.2f s = %5.2fx %-20s (goal <= %.1fx: %s)" % (name, job, ratio, figure, goal, verdict))
    # the syncs after the changed one alternate between the snapshots: each is a 1 % change too, and together
    # they show how much one server's runtime for the same work varies
    changes = [runtime_seconds(path) for path in sorted(glob.glob(os.path.join(args.results, "sync-*.json")))
               + [os.path.join(args.results, "changed.json")] if os.path.exists(path)]
    if len(changes) > 1:
        changes.sort()
        median = changes[len(changes) // 2]
        print("  1 %%-change syncs (changed and the %d after it): job min %.2f s, median %.2f s, max %.2f s = "
              "%.2fx / %.2fx / %.2fx parse_hash_compare_s" % (len(changes) - 1, changes[0], median, changes[-1],
              changes[0] / baseline["parse_hash_compare_s"], median / baseline["parse_hash_compare_s"],
              changes[-1] / baseline["parse_hash_compare_s"]))
    return 0


def runtime_seconds(path):
    """A phase's job runtime as the run reported it."""
    doc = (json.load(open(path))["job"].get("data") or {}).get("ceph_sync") or {}
    return doc.get("runtime_seconds") or 0.0


def endpoints(args):
    """Serves one synthetic endpoint folder as COUNT endpoints: copies under names of their own, one endpoints.json."""
    listed = json.load(open(os.path.join(args.source, "endpoints.json")))
    template = listed[0]
    os.makedirs(args.out, exist_ok=True)
    made = []
    for i in range(1, args.count + 1):
        name = "bench-%02d" % i
        shutil.copytree(os.path.join(args.source, template["name"]), os.path.join(args.out, name), dirs_exist_ok=True)
        made.append(dict(template, id=i, name=name))
    with open(os.path.join(args.out, "endpoints.json"), "w") as f:
        json.dump(made, f)
    return 0


# The goal for many endpoints: with them read in parallel, at most a third of the one-at-a-time wall time.
PARALLEL_GOAL = 1 / 3


def parallel(args):
    """The many-endpoints runs side by side: wall times, their ratio, and whether each wrote every endpoint's OSDs."""
    summary = json.load(open(args.summary))
    expected = summary["osds"] * args.endpoints
    status = 0
    walls = {}
    for name in (args.serial, args.parallel):
        result = json.load(open(os.path.join(args.results, name + ".json")))
        job = result["job"]
        osds = next((s for s in stages(result) if s.get("resource") == "osds"), {})
        fetched = (osds.get("response") or {}).get("fetched")
        ok = job.get("status") == "COMPLETED" and fetched == expected and not result["error"]
        status = status or (0 if ok else 1)
        walls[name] = result["wall_seconds"]
        doc = (job.get("data") or {}).get("ceph_sync") or {}
        print("  %-12s %-10s wall %6.2f s, job %6.2f s, CPU %5.1f s, OSDs fetched %s of %d%s"
              % (name, job.get("status"), result["wall_seconds"], doc.get("runtime_seconds") or 0.0,
                 result["cpu_seconds"], fetched, expected, "" if ok else "  <-- NOT OK " + (result["error"] or "")))
    ratio = walls[args.parallel] / walls[args.serial]
    print("  %s, %d endpoints x %d OSDs, %d ms added to every source request: parallel / one at a time = %.2f "
          "(goal <= %.2f: %s)" % (args.label, args.endpoints, summary["osds"], args.latency_ms, ratio, PARALLEL_GOAL,
                                  "within" if ratio <= PARALLEL_GOAL else "OVER"))
    return status


def cpu(args):
    """A process's user + system CPU seconds so far."""
    print("%.1f" % cpu_seconds(args.pid))
    return 0


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("phase")
    p.add_argument("--base", required=True)
    p.add_argument("--netrc", required=True)
    p.add_argument("--pid", type=int, required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--timeout", type=float, default=7200)
    p.add_argument("--db-file", help="the embedded database file, whose size is recorded")
    p.add_argument("--db-size-command", help="instead: a shell command that prints the database's size in bytes")
    d = sub.add_parser("digest")
    d.add_argument("--base", required=True)
    d.add_argument("--netrc", required=True)
    d.add_argument("--out", required=True)
    r = sub.add_parser("report")
    r.add_argument("--results", required=True)
    r.add_argument("--summary", required=True)
    r.add_argument("--changed-summary", required=True)
    r.add_argument("--heap", default="1g")
    r.add_argument("--server-log")
    g = sub.add_parser("growth")
    g.add_argument("--results", required=True)
    g.add_argument("--limit", type=float, default=1.5)
    g.add_argument("phases", nargs="+")
    b = sub.add_parser("ratios")
    b.add_argument("--results", required=True)
    b.add_argument("--baseline", required=True)
    e = sub.add_parser("endpoints")
    e.add_argument("--from", dest="source", required=True)
    e.add_argument("--out", required=True)
    e.add_argument("--count", type=int, required=True)
    q = sub.add_parser("parallel")
    q.add_argument("--results", required=True)
    q.add_argument("--serial", required=True)
    q.add_argument("--parallel", required=True)
    q.add_argument("--summary", required=True)
    q.add_argument("--endpoints", type=int, required=True)
    q.add_argument("--latency-ms", type=int, required=True)
    q.add_argument("--label", default="full sync")
    c = sub.add_parser("cpu")
    c.add_argument("--pid", type=int, required=True)
    args = parser.parse_args()
    return {"cpu": cpu, "endpoints": endpoints, "parallel": parallel, "phase": phase, "digest": digest, "report": report, "growth": growth, "ratios": ratios}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())

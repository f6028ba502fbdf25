"""Adds a run to the "Candidate page at first visit" section of docs/benchmarks.md from bench/results/candidate-page-*.json
and prints it. Earlier runs and every other section stay as they are. BENCH_NOTE, if set, is written under the run
(e.g. that the machine was shared)."""
import json, os, platform, subprocess, sys, datetime

results, doc, connections, duration, warmup, candidates, providers = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6], sys.argv[7:]

def load(name):
    with open(os.path.join(results, name), encoding="utf-8") as f:
        return json.load(f)

def commit():
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip() or "unknown"
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], capture_output=True, text=True).stdout.strip()
    return head + (" with uncommitted changes under src/" if dirty else "")

def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = next((l.split()[1] for l in open("/proc/meminfo", encoding="utf-8") if l.startswith("MemTotal")), "0")
    dotnet = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
    load = " / ".join(open("/proc/loadavg", encoding="utf-8").read().split()[:3])
    return f"load average {load} (1/5/15 min) when the run ended, {os.cpu_count()} cores ({cpu}), {int(mem) // 1024 // 1024} GB RAM, {platform.system()} {platform.release()}, .NET SDK {dotnet}"

def figure(provider, copy, name):
    path = os.path.join(results, f"candidate-page-{provider}-{copy}-{name}.json")
    return load(f"candidate-page-{provider}-{copy}-{name}.json") if os.path.exists(path) else None

def cpu_us(provider, copy, name, requests):
    """The portal's CPU per request over the measured run, in microseconds (None if not recorded)."""
    path = os.path.join(results, f"candidate-page-{provider}-{copy}-{name}-cpu.json")
    if not os.path.exists(path) or not requests:
        return None
    cpu = load(f"candidate-page-{provider}-{copy}-{name}-cpu.json")
    return cpu["cpuTicks"] / cpu["ticksPerSecond"] * 1e6 / requests

def db_cpu_us(provider, copy, name, requests):
    """The PostgreSQL server's CPU per request (its processes serving the bench database), if recorded."""
    path = os.path.join(results, f"candidate-page-{provider}-{copy}-{name}-cpu.json")
    if not os.path.exists(path) or not requests:
        return None
    cpu = load(f"candidate-page-{provider}-{copy}-{name}-cpu.json")
    return cpu["databaseCpuTicks"] / cpu["ticksPerSecond"] * 1e6 / requests if cpu.get("databaseCpuTicks") else None

lines = [f"### {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, commit {commit()}", "",
         f"`bench/run-candidate-page.sh`, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, commit {commit()}, on {machine()}.",
         f"{candidates} candidates and {candidates} interviews (seed-bench), {connections} connections, {duration} per endpoint; first a warm-up pass",
         f"over every endpoint ({warmup} each), then {warmup} more of warm-up before each measurement;",
         "Release build, Production settings (request logging on), load generator on the same machine (it shares the cores).",
         f"Each connection carries one candidate's bearer token (the same {connections} on every endpoint); PostgreSQL on loopback",
         "without TLS. Each database is measured by two processes: the node's record copy off (`MyInterview:CacheSeconds=0`,",
         "every view reads the database, as a first visit does) and on (the default few seconds; the candidates reloading).",
         "The bare endpoint is `/health/live` of the same process, measured first and again last; \"ratio\" divides by the",
         "mean of the two. Targets (issue 19, SQLite): copy off `/api/v1/me` at least 0.45 and `/Me` at least 0.35, p99",
         "under 50 ms; copy on, `/Me` at least 0.60. \"CPU ratio\" is the bare endpoint's portal CPU per request divided by",
         "the endpoint's (µs from `/proc/<pid>/stat` over the measured run): steadier than throughput when the machine is shared.", "",
         "| database | record copy | `/api/v1/me` ratio (p99 ms) | `/Me` ratio (p99 ms) | `/api/v1/me` CPU ratio | `/Me` CPU ratio | bare req/s (mean) |",
         "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
detail = ["", "| database | record copy | endpoint | req/s | p50 ms | p90 ms | p99 ms | errors | ratio | CPU µs/req | peak RSS |",
          "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
endpoints = [("bare", "`/health/live` (first)"), ("bareagain", "`/health/live` (again, last)"), ("me", "`/api/v1/me`"),
             ("page", "`/Me` page"), ("floor", "`/Me/Prepare` (reference: a page with no data)")]
for provider in providers:
    for copy in ("off", "on"):
        bare, again = figure(provider, copy, "bare"), figure(provider, copy, "bareagain")
        if bare is None:
            continue
        rss = load(f"candidate-page-{provider}-{copy}-memory.json")["peakRssMb"]
        # The denominator: bare measured before and after the others, averaged (the shared cores drift between runs).
        bare_rps = (bare["requestsPerSecond"] + again["requestsPerSecond"]) / 2 if again else bare["requestsPerSecond"]
        summary = {}
        bare_cpus = [c for c in (cpu_us(provider, copy, n, f["requests"]) for n, f in (("bare", bare), ("bareagain", again)) if f) if c]
        bare_cpu = sum(bare_cpus) / len(bare_cpus) if bare_cpus else None
        for name, label in endpoints:
            me = figure(provider, copy, name)
            if me is None:
                continue
            if "notMeasured" in me:
                detail.append(f"| {provider} | {copy} | {label} | not measured: {me['notMeasured']} | | | | | | | |")
                continue
            ratio = me["requestsPerSecond"] / bare_rps if bare_rps else 0
            summary[name] = f"{ratio:.2f} ({me['p99Ms']})"
            cpu = cpu_us(provider, copy, name, me["requests"])
            summary[name + "-cpu"] = f"{bare_cpu / cpu:.2f}" if cpu and bare_cpu else "-"
            db = db_cpu_us(provider, copy, name, me["requests"])
            cpu_text = (f"{cpu:.0f}" if cpu else "-") + (f" + {db:.0f} database" if db else "")
            detail.append(f"| {provider} | {copy} | {label} | {me['requestsPerSecond']:.0f} | {me['p50Ms']} | {me['p90Ms']} | {me['p99Ms']} | {me['errors']} | {ratio:.2f} | {cpu_text} | {rss} MB |")
        lines.append(f"| {provider} | {copy} | {summary.get('me', '-')} | {summary.get('page', '-')} | {summary.get('me-cpu', '-')} | {summary.get('page-cpu', '-')} | {bare_rps:.0f} |")
lines += detail
if os.environ.get("BENCH_NOTE"):
    lines += ["", "Note: " + os.environ["BENCH_NOTE"]]
lines.append("")
run = "\n".join(lines) + "\n"

# Each run is added at the top of its section; earlier runs (and the issue 9 section "## Candidate page") stay.
heading = "## Candidate page at first visit"
text = open(doc, encoding="utf-8").read() if os.path.exists(doc) else "# Benchmarks\n\nHow fast the portal is, measured on this project's machines; every figure names its script.\n\n"
start = text.find(heading + "\n")
if start >= 0:
    body = start + len(heading) + 1
    first_run = text.find("\n### ", body)
    next_section = text.find("\n## ", body)
    at = first_run + 1 if first_run >= 0 and (next_section < 0 or first_run < next_section) else (next_section + 1 if next_section >= 0 else len(text))
    text = text[:at] + run + "\n" + text[at:]
else:
    text = text.rstrip("\n") + "\n\n" + heading + "\n\n" + run
os.makedirs(os.path.dirname(doc), exist_ok=True)
with open(doc, "w", encoding="utf-8") as f:
    f.write(text)
print(run)

"""Writes the "Candidate page" section of docs/benchmarks.md from bench/results/candidate-page-*.json.
Replaces that section if present, keeps every other section as it is."""
import json, os, platform, subprocess, sys, datetime

results, doc, connections, duration, warmup, candidates, providers = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6], sys.argv[7:]

def load(name):
    with open(os.path.join(results, name), encoding="utf-8") as f:
        return json.load(f)

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

lines = ["## Candidate page", "",
         f"`bench/run-candidate-page.sh`, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, on {machine()}.",
         f"{candidates} candidates and {candidates} interviews (seed-bench), {connections} connections, {duration} per endpoint; first a warm-up pass",
         f"over every endpoint ({warmup} each), then {warmup} more of warm-up before each measurement;",
         "Release build, Production settings (request logging on), load generator on the same machine (it shares the cores).",
         f"Each connection carries one candidate's bearer token (the same {connections} on every endpoint), except the \"spread\" rows, where",
         f"every request is the next of all {candidates} candidates in turn; PostgreSQL on loopback without TLS. Targets: `/api/v1/me` and the",
         "`/Me` page at least 40% of the bare endpoint's throughput, p99 under 50 ms, peak RSS under 400 MB. Bare is measured",
         "first and again last; \"ratio to bare\" divides by the mean of the two.", "",
         "| database | endpoint | req/s | p50 ms | p90 ms | p99 ms | errors | ratio to bare | peak RSS |",
         "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
endpoints = [("me", "`/api/v1/me`"), ("page", "`/Me` page"), ("floor", "`/Me/Prepare` (reference: a page with no data)"),
             ("me-spread", f"`/api/v1/me`, spread: each request the next of all {candidates} candidates"),
             ("page-spread", f"`/Me` page, spread: each request the next of all {candidates} candidates")]
for provider in providers:
    bare = load(f"candidate-page-{provider}-bare.json")
    rss = load(f"candidate-page-{provider}-memory.json")["peakRssMb"]
    again_path = os.path.join(results, f"candidate-page-{provider}-bareagain.json")
    again = load(f"candidate-page-{provider}-bareagain.json") if os.path.exists(again_path) else None
    # The denominator: bare measured before and after the others, averaged (the shared cores drift between runs).
    bare_rps = (bare["requestsPerSecond"] + again["requestsPerSecond"]) / 2 if again else bare["requestsPerSecond"]
    lines.append(f"| {provider} | `/bench/bare` (first) | {bare['requestsPerSecond']:.0f} | {bare['p50Ms']} | {bare['p90Ms']} | {bare['p99Ms']} | {bare['errors']} | {bare['requestsPerSecond'] / bare_rps:.2f} | {rss} MB |")
    if again:
        lines.append(f"| {provider} | `/bench/bare` (again, last) | {again['requestsPerSecond']:.0f} | {again['p50Ms']} | {again['p90Ms']} | {again['p99Ms']} | {again['errors']} | {again['requestsPerSecond'] / bare_rps:.2f} | {rss} MB |")
    for name, label in endpoints:
        path = os.path.join(results, f"candidate-page-{provider}-{name}.json")
        if not os.path.exists(path):
            continue
        me = load(f"candidate-page-{provider}-{name}.json")
        if "notMeasured" in me:
            lines.append(f"| {provider} | {label} | not measured: {me['notMeasured']} | | | | | | |")
        else:
            ratio = me["requestsPerSecond"] / bare_rps if bare_rps else 0
            lines.append(f"| {provider} | {label} | {me['requestsPerSecond']:.0f} | {me['p50Ms']} | {me['p90Ms']} | {me['p99Ms']} | {me['errors']} | {ratio:.2f} | {rss} MB |")
lines.append("")
section = "\n".join(lines) + "\n"

text = open(doc, encoding="utf-8").read() if os.path.exists(doc) else "# Benchmarks\n\nHow fast the portal is, measured on this project's machines; every figure names its script.\n\n"
start = text.find("## Candidate page")
if start >= 0:
    end = text.find("\n## ", start + 1)
    text = text[:start] + section + (text[end + 1:] if end >= 0 else "")
else:
    text = text.rstrip("\n") + "\n\n" + section
os.makedirs(os.path.dirname(doc), exist_ok=True)
with open(doc, "w", encoding="utf-8") as f:
    f.write(text)

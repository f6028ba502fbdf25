"""Combines one exam-morning run (driver JSON, the T-20 rows by SQL, CPU samples, RSS) into bench/results JSON and
prints one markdown row for docs/benchmarks.md, section "Exam morning"."""
import json, math, sys, datetime

(driver_file, notices_file, twice, cpu_file, rss, setup, commit, addressing, label, out) = sys.argv[1:11]
d = json.load(open(driver_file))

def pct(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    return s[max(0, min(len(s) - 1, math.ceil(p / 100 * len(s)) - 1))]

rows = [line.split(" ", 2) for line in open(notices_file).read().splitlines() if line.strip()]
sent = [max(0.0, float(r[1])) for r in rows if r[0] == "Sent"]
lost = [r for r in rows if r[0] != "Sent"]
due = sorted(r[2] for r in rows)
in_window = sum(1 for r in rows if r[2] >= d["startedUtc"][:19].replace("T", " "))
started = datetime.datetime.fromisoformat(d["startedUtc"][:26] + "+00:00").timestamp()
finished = datetime.datetime.fromisoformat(d["finishedUtc"][:26] + "+00:00").timestamp()
seconds = finished - started
# CPU seconds by second, within the run only (not the seeding, start-up and warm-up before it).
ticks = [[float(x) for x in line.split()] for line in open(cpu_file).read().splitlines() if line.strip()]
ticks = [t[1:] for t in ticks if started < t[0] <= finished + 1]
nodes = len(rss.split())
avg_cpu = [sum(t[i] for t in ticks) / max(1, len(ticks)) for i in range(nodes)]
peak_cpu = [max((t[i] for t in ticks), default=0) for i in range(nodes)]
rss_mb = [int(r) // 1024 for r in rss.split()]
steps = d["steps"]

def step(name):
    s = steps.get(name)
    return f"{s['p50Ms']:.0f} / {s['p99Ms']:.0f}" if s else "–"

result = {
    "setup": setup, "commit": commit, "date": d["startedUtc"][:10], "label": label, "addressing": addressing,
    "candidates": d["candidates"], "windowSeconds": d["windowSeconds"], "nodes": d["nodes"], "consoles": d["consoles"],
    "steps": steps, "errors": d["errors"], "errorsByStep": d["errorsByStep"], "errorSamples": d["errorSamples"],
    "invitationsIssued": d["invitationsIssued"], "invitationsPlanned": d["invitationsPlanned"], "candidatesDone": d["candidatesDone"],
    "t20": {"due": len(rows), "sent": len(sent), "p50S": pct(sent, 50), "p99S": pct(sent, 99), "maxS": max(sent, default=float("nan")),
            "firstDue": due[0] if due else None, "dueInWindow": in_window, "notSent": len(lost), "notSentStatuses": sorted({r[0] for r in lost})},
    "noticesTwice": int(twice or 0), "peakRssMb": rss_mb, "avgCpuPercent": [round(c) for c in avg_cpu], "peakCpuPercent": peak_cpu,
    "runSeconds": round(seconds),
}
json.dump(result, open(out, "w"), indent=2)
t = result["t20"]
late = (f"{t['p50S']:.1f} / {t['p99S']:.1f} / {t['maxS']:.1f} s ({len(rows)} due, {in_window} in the window)" if sent else "none due")
print(f"| {setup} ({nodes} node{'s' if nodes > 1 else ''}) | {label} | {d['startedUtc'][:16].replace('T', ' ')} | {commit} | "
      f"{d['candidates']} in {d['windowSeconds']:.0f} s ({addressing}) | {step('code-request')} | {step('sign-in')} | {step('page')} | {step('me-api')} | "
      f"{step('console-push')} | {late} | {d['invitationsIssued']}/{d['invitationsPlanned']} | {d['errors']} | "
      f"{int(twice or 0)} / {len(lost)} | {' + '.join(map(str, rss_mb))} MB | {' + '.join(str(round(c)) for c in avg_cpu)} % (peak {' + '.join(f'{c:.0f}' for c in peak_cpu)} %) |")

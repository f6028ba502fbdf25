"""Samples each process's CPU once a second (percent of one core) into a file, a line per second (unix time, then one
figure per process), until killed."""
import os, sys, time
out, pids = sys.argv[1], sys.argv[2:]
tick = os.sysconf("SC_CLK_TCK")
def total(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])
last = [total(p) for p in pids]
with open(out, "w") as f:
    while True:
        time.sleep(1)
        try:
            now = [total(p) for p in pids]
        except OSError:
            break
        f.write(f"{time.time():.0f} " + " ".join(f"{(n - l) * 100 / tick:.0f}" for n, l in zip(now, last)) + "\n")
        f.flush()
        last = now

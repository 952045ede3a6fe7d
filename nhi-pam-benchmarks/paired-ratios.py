#!/usr/bin/env python3
"""Same-round time ratios between JMH benchmarks, repeated, for a VM whose speed drifts.

On a shared VM one fork can run 15-25 % faster or slower than the next, so two benchmarks
measured minutes apart can differ by more than the effect being measured. This runs one JMH
fork of every selected benchmark per round (so each round's benchmarks run within a minute or
two of each other), takes the ratio of their times within the round, and reports the median
and range of each ratio over the rounds.

    python3 nhi-pam-benchmarks/paired-ratios.py --rounds 10 'JdbcBenchmark.(point|range)' \\
        --param columns=short --ratio pointGuarded/pointProxy --ratio pointGuarded/pointRaw ...

Run from the repository root after `mvn -B -pl nhi-pam-benchmarks -am package -DskipTests`.
Each round passes -f 1 and the --jmh options (default -wi 3 -w 1s -i 5 -r 1s) to the jar.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

JAR = "nhi-pam-benchmarks/target/benchmarks.jar"


def run_round(pattern, params, jmh):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        out = f.name
    cmd = ["java", "-jar", JAR, pattern, "-f", "1", *jmh.split(), "-rf", "json", "-rff", out]
    for p in params:
        cmd += ["-p", p]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    with open(out) as f:
        results = json.load(f)
    os.unlink(out)
    scores = {}
    for r in results:
        name = r["benchmark"].rsplit(".", 1)[1]
        score, unit = r["primaryMetric"]["score"], r["primaryMetric"]["scoreUnit"]
        # a time per op either way: throughput is inverted
        scores[name] = 1.0 / score if unit.endswith("/s") or unit.startswith("ops/") else score
    return scores


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pattern", help="JMH benchmark regex")
    ap.add_argument("--rounds", type=int, default=8)
    ap.add_argument("--param", action="append", default=[], help="JMH -p value, e.g. columns=short")
    ap.add_argument("--ratio", action="append", required=True, help="a/b: time of a over time of b")
    ap.add_argument("--jmh", default="-wi 3 -w 1s -i 5 -r 1s")
    a = ap.parse_args()
    ratios = {r: [] for r in a.ratio}
    for k in range(a.rounds):
        s = run_round(a.pattern, a.param, a.jmh)
        line = []
        for r in a.ratio:
            num, den = r.split("/")
            ratios[r].append(s[num] / s[den])
            line.append(f"{r} {ratios[r][-1]:.3f}")
        print(f"round {k + 1}: " + ", ".join(line), flush=True)
    print(f"\n{a.rounds} rounds, {a.pattern} {' '.join(a.param)}, JMH {a.jmh} -f 1 per round")
    for r, v in ratios.items():
        q = statistics.quantiles(v, n=4) if len(v) >= 4 else [min(v), statistics.median(v), max(v)]
        print(f"{r}: median {statistics.median(v):.3f}  (quartiles {q[0]:.3f}-{q[2]:.3f}, range "
              f"{min(v):.3f}-{max(v):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

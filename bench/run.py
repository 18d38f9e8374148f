#!/usr/bin/env python3
"""opsdoc benchmark harness: every performance target of issue #14 as a ratio, in one run.

Usage: bench/run.py [--corpus DIR] [--runs N | --quick] [--jar JAR] [--java25 JDK_HOME]
                    [--skip-markdownlint] [--skip-jmh]

Measures, each as the median of N fresh processes (wall time, CPU time = user + sys, peak RSS;
the N rounds run every measure once, interleaved, so a drifting machine affects all alike),
opsdoc (every rule, SARIF written to a file) against markdownlint-cli2 0.22.1 (default rules; installed
into bench/.work/node from the npm registry on first use) on copies of the same Markdown corpus:

  whole corpus through ./opsdoc and through plain `java -jar` vs markdownlint-cli2   (<= 0.15)
  peak RSS of plain `java -jar` on the corpus (<= 250 MB) and on 4 copies of it       (<= 400 MB)
  4x the corpus vs 1x, plain `java -jar`                                              (<= 4.2x time)
  --jobs 2 vs --jobs 1 on the corpus                                                  (>= 1.6x faster)
  one small file through ./opsdoc (and through ./opsdoc on a JDK 25 with its AOT
  cache, when one is found) vs markdownlint-cli2                                      (<= 0.8)
  the slowest rule summed over the corpus (check --timings)                           (<= 0.5 s)
  the Markdown model vs flexmark's own parse (JMH, when benchmarks/target/benchmarks.jar exists)
                                                                                      (<= 2x)
"""
import argparse, glob, json, os, platform, re, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "bench", ".work")
LAUNCHER = os.path.join(ROOT, "opsdoc")
DEFAULT_JAR = os.path.join(ROOT, "cli", "target", "opsdoc.jar")
BENCHMARKS_JAR = os.path.join(ROOT, "benchmarks", "target", "benchmarks.jar")
ONE_FILE = os.path.join(ROOT, "examples", "planning", "cicd-pipeline.md")
MARKDOWNLINT_VERSION = "0.22.1"
COPIES = 4


def find_corpus():
    """../shared/corpus, looked for from the repository upwards."""
    here = ROOT
    while True:
        candidate = os.path.join(here, "shared", "corpus")
        if os.path.isdir(candidate):
            return candidate
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def markdown_files(corpus):
    """The *.md files both tools check (markdownlint-cli2 is given the glob **/*.md)."""
    files = []
    for base, dirs, names in os.walk(corpus):
        dirs[:] = sorted(d for d in dirs if d not in (".git", "node_modules", "target"))
        files.extend(os.path.join(base, n) for n in sorted(names) if n.endswith(".md"))
    return files


def copy_tree(files, corpus, target):
    """A copy of the corpus's Markdown (keeps the relative layout, so planning sets stay sets)."""
    for f in files:
        dest = os.path.join(target, os.path.relpath(f, corpus))
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        shutil.copyfile(f, dest)
    return target


class Sample:
    """One process: wall seconds, CPU seconds (user + sys), peak RSS in MB, stderr."""

    def __init__(self, wall, cpu, rss, err):
        self.wall, self.cpu, self.rss, self.err = wall, cpu, rss, err


def timed(cmd, cwd, env=None):
    fd, out = tempfile.mkstemp(suffix=".time")
    os.close(fd)
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", out] + cmd, cwd=cwd, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    with open(out) as f:
        numbers = f.read().split()[-3:]
    os.unlink(out)
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode not in (0, 1):
        sys.exit(f"command failed ({p.returncode}): {' '.join(cmd)}\n{err[-2000:]}")
    try:
        user, system, rss = float(numbers[0]), float(numbers[1]), int(numbers[2]) / 1024.0
    except (ValueError, IndexError):
        user, system, rss = float("nan"), float("nan"), float("nan")
    return Sample(wall, user + system, rss, err)


class Measure:
    """Medians over runs."""

    def __init__(self, samples):
        self.wall = statistics.median(s.wall for s in samples)
        self.cpu = statistics.median(s.cpu for s in samples)
        self.rss = statistics.median(s.rss for s in samples)
        self.err = samples[-1].err


def measure_rounds(plan, runs):
    """Runs every (key, label, cmd, cwd, env) of plan once per round, for runs rounds: a drift of
    the machine's speed during the benchmark (a shared host) then affects every measure alike
    instead of the ones that happened to run during it. Returns {key: Measure}."""
    samples = {key: [] for key, *_ in plan}
    for r in range(runs):
        print(f"  round {r + 1} of {runs}:", file=sys.stderr, flush=True)
        for key, label, cmd, cwd, env in plan:
            sample = timed(cmd, cwd, env)
            samples[key].append(sample)
            print(f"    {label} ... {sample.wall:.2f} s", file=sys.stderr, flush=True)
    return {key: Measure(values) for key, values in samples.items()}


def ensure_jar(jar):
    if not os.path.exists(jar):
        print("building opsdoc (./mvnw -B -DskipTests package -pl cli -am)...", file=sys.stderr)
        subprocess.run([os.path.join(ROOT, "mvnw"), "-q", "-B", "-DskipTests", "package", "-pl", "cli", "-am"],
                       cwd=ROOT, check=True)
    if not os.path.exists(jar):
        sys.exit(f"no {jar} after the build")


def ensure_markdownlint():
    prefix = os.path.join(WORK, "node")
    binary = os.path.join(prefix, "node_modules", ".bin", "markdownlint-cli2")
    if not os.path.exists(binary):
        os.makedirs(prefix, exist_ok=True)
        print(f"installing markdownlint-cli2@{MARKDOWNLINT_VERSION} into {prefix}...", file=sys.stderr)
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", prefix,
                        f"markdownlint-cli2@{MARKDOWNLINT_VERSION}"], check=True)
    return binary


def release_version(home):
    """JAVA_VERSION of a Java installation's release file, or None."""
    try:
        with open(os.path.join(home, "release")) as f:
            for line in f:
                if line.startswith("JAVA_VERSION="):
                    return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return None


def feature(version):
    m = re.match(r"(\d+)", version or "")
    return int(m.group(1)) if m else 0


def find_java25(explicit):
    """A JDK/JRE 25+ home: --java25, $OPSDOC_BENCH_JAVA25, else the newest under the usual folders."""
    if explicit:
        return explicit if feature(release_version(explicit)) >= 25 else sys.exit(f"--java25 {explicit}: not Java 25+")
    if os.environ.get("OPSDOC_BENCH_JAVA25"):
        return os.environ["OPSDOC_BENCH_JAVA25"]
    homes = [h for pattern in ("/usr/lib/jvm/*", "/opt/java/*", os.path.expanduser("~/.sdkman/candidates/java/*"))
             for h in glob.glob(pattern) if os.path.isdir(h) and not os.path.islink(h)]
    homes = [h for h in homes if feature(release_version(h)) >= 25]
    return max(homes, key=lambda h: feature(release_version(h)), default=None)


def parse_timings(err):
    """The 'timings: NAME VALUE UNIT' lines of opsdoc check --timings."""
    phases, rules = {}, []
    for line in err.splitlines():
        m = re.match(r"timings: rule (\S+) ([\d.]+) ms", line)
        if m:
            rules.append((m.group(1), float(m.group(2))))
            continue
        m = re.match(r"timings: (\S+) ([\d.]+) (\S+)", line)
        if m:
            phases[m.group(1)] = float(m.group(2))
    return phases, rules


def jmh_markdown_ratio(runs_quick):
    """Runs ModelCostBenchmark briefly; returns (lines to print, ratio or None).

    The ratio is the CPU-time ratio of its 'interleaved' benchmark (both parsers on each file in
    turn, this thread's CPU time summed for each), which a busy machine disturbs least; the wall
    ratio of the separate 'model' and 'flexmark' benchmarks is printed beside it."""
    result = os.path.join(tempfile.mkdtemp(prefix="opsdoc-jmh-"), "jmh.json")
    cmd = ["java", "-jar", BENCHMARKS_JAR, "ModelCostBenchmark", "-f", "1", "-wi", "2" if runs_quick else "3",
           "-w", "1s", "-i", "3" if runs_quick else "5", "-r", "1s", "-rf", "json", "-rff", result]
    print("  JMH ModelCostBenchmark ...", file=sys.stderr, flush=True)
    p = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if p.returncode != 0 or not os.path.exists(result):
        return [f"JMH failed ({p.returncode}): {p.stderr.decode('utf-8', 'replace')[-500:]}"], None
    with open(result) as f:
        data = json.load(f)
    lines, scores, cpu_ratio = [], {}, None
    for b in data:
        secondary = b.get("secondaryMetrics") or {}
        if "flexmarkCpuNanos" in secondary and "modelCpuNanos" in secondary:
            flexmark_cpu = secondary["flexmarkCpuNanos"]["score"]
            model_cpu = secondary["modelCpuNanos"]["score"]
            if flexmark_cpu:
                cpu_ratio = model_cpu / flexmark_cpu
        name = b["benchmark"].rsplit(".", 1)[-1]
        params = ",".join(f"{k}={v}" for k, v in sorted((b.get("params") or {}).items()))
        score, unit = b["primaryMetric"]["score"], b["primaryMetric"]["scoreUnit"]
        # Throughput modes: invert so that bigger means slower everywhere.
        cost = 1.0 / score if "ops/" in unit else score
        scores[(name, params)] = cost
        lines.append(f"    {name}({params}) {score:.3f} {unit}")
    # The model benchmark against the flexmark-only one with the same parameters.
    ratios = []
    for (name, params), cost in scores.items():
        if "flexmark" in name.lower():
            for (other, other_params), model_cost in scores.items():
                if other_params == params and other != name and "model" in other.lower():
                    ratios.append((f"{other} / {name} ({params or 'no params'})", model_cost / cost))
    for label, r in ratios:
        lines.append(f"    wall ratio {label}: {r:.2f}x")
    if cpu_ratio is not None:
        lines.append(f"    CPU ratio, interleaved (parse + model / parse): {cpu_ratio:.2f}x")
        return lines, cpu_ratio
    return lines, max((r for _, r in ratios), default=None)


def cpu_line():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def java_version(java="java"):
    p = subprocess.run([java, "-version"], capture_output=True, text=True)
    return (p.stderr.splitlines() or ["java ?"])[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="folder of Markdown files (default: ../shared/corpus)")
    ap.add_argument("--runs", type=int, default=5, help="runs per measure; the median is reported (default 5)")
    ap.add_argument("--quick", action="store_true", help="one run per measure and a short JMH run")
    ap.add_argument("--jar", default=DEFAULT_JAR, help="opsdoc jar (its start-up archives next to it are used)")
    ap.add_argument("--java25", help="a Java 25+ home for the AOT-cache one-file run (default: looked for)")
    ap.add_argument("--skip-markdownlint", action="store_true")
    ap.add_argument("--skip-jmh", action="store_true", help="do not run the JMH Markdown benchmark")
    args = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # progress shows even when piped to a file
    corpus = os.path.abspath(args.corpus) if args.corpus else find_corpus()
    if not corpus or not os.path.isdir(corpus):
        sys.exit("no corpus: pass --corpus DIR (the shared corpus is looked for in ../shared/corpus)")
    jar = os.path.abspath(args.jar)
    ensure_jar(jar)
    mdl = None if args.skip_markdownlint else ensure_markdownlint()
    runs = 1 if args.quick else max(1, args.runs)
    java25 = find_java25(args.java25)

    files = markdown_files(corpus)
    size_mb = sum(os.path.getsize(f) for f in files) / (1024 * 1024)
    # Copies outside the repository: no .opsdoc.yml or .markdownlint* of ours applies to them.
    scratch = tempfile.mkdtemp(prefix="opsdoc-bench-")
    whole = copy_tree(files, corpus, os.path.join(scratch, "whole"))
    fourfold = os.path.join(scratch, f"x{COPIES}")
    for i in range(COPIES):
        copy_tree(files, corpus, os.path.join(fourfold, f"copy{i + 1}"))
    sarif = os.path.join(scratch, "opsdoc.sarif")
    env = dict(os.environ, OPSDOC_JAR=jar, OPSDOC_NO_BUILD="1")
    env.pop("OPSDOC_JAVA_OPTS", None)
    check = ["check", "--format", "sarif", "--output", sarif, "--fail-on", "none"]
    launcher = [LAUNCHER] + check
    plain = ["java", "-jar", jar] + check

    print(f"machine: {os.cpu_count()} cores, {cpu_line()}, {platform.system()} {platform.release()}; "
          f"{java_version()}; node {subprocess.run(['node', '--version'], capture_output=True, text=True).stdout.strip()}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"corpus: {len(files)} Markdown files, {size_mb:.1f} MB ({corpus}); {COPIES}x corpus: {COPIES * len(files)} files;"
          f" median of {runs} run(s); load average at start {load:.1f}")
    print(f"opsdoc: {os.path.relpath(jar, ROOT)}, all rules, SARIF to a file; through {os.path.relpath(LAUNCHER, ROOT)} "
          f"(its JVM flags and start-up archive) and through plain 'java -jar' (JVM defaults);"
          f" markdownlint-cli2 {MARKDOWNLINT_VERSION}, default rules, '**/*.md'")

    # Warm-up: the launcher creates a missing start-up archive on its first run; not timed.
    subprocess.run(launcher + [ONE_FILE], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env25 = None
    if java25:
        env25 = dict(env, JAVA_HOME=java25)
        subprocess.run(launcher + [ONE_FILE], cwd=ROOT, env=env25, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"JDK 25 for the AOT-cache run: {java25 + ' (' + java_version(os.path.join(java25, 'bin', 'java')) + ')' if java25 else 'none found (--java25 HOME)'}\n")

    print("measuring (each measure once per round, rounds interleaved):", file=sys.stderr)
    plan = [("o_whole", "./opsdoc, corpus", launcher + ["."], whole, env),
            ("p_whole", "java -jar, corpus", plain + ["."], whole, None),
            ("p_four", f"java -jar, {COPIES}x corpus", plain + ["."], fourfold, None),
            ("p_j1", "java -jar --jobs 1, corpus", plain + ["--jobs", "1", "."], whole, None),
            ("p_j2", "java -jar --jobs 2, corpus", plain + ["--jobs", "2", "."], whole, None),
            ("o_one", "./opsdoc, one file", launcher + [ONE_FILE], ROOT, env),
            ("o_one_text", "./opsdoc, one file, text", [LAUNCHER, "check", "--fail-on", "none", ONE_FILE], ROOT, env)]
    if env25:
        plan.append(("o_one25", "./opsdoc on JDK 25 (AOT cache), one file", launcher + [ONE_FILE], ROOT, env25))
    if mdl:
        plan.append(("m_whole", "markdownlint-cli2, corpus", [mdl, "**/*.md"], whole, None))
        plan.append(("m_one", "markdownlint-cli2, one file", [mdl, ONE_FILE], ROOT, None))
    measured = measure_rounds(plan, runs)
    o_whole, p_whole, p_four = measured["o_whole"], measured["p_whole"], measured["p_four"]
    p_j1, p_j2, o_one, o_one_text = measured["p_j1"], measured["p_j2"], measured["o_one"], measured["o_one_text"]
    o_one25 = measured.get("o_one25")
    m_whole, m_one = measured.get("m_whole"), measured.get("m_one")
    timing = timed(plain + ["--timings", "."], whole)
    jmh_lines, jmh_ratio = [], None
    if args.skip_jmh:
        jmh_lines = ["  (skipped: --skip-jmh)"]
    elif os.path.exists(BENCHMARKS_JAR):
        jmh_lines, jmh_ratio = jmh_markdown_ratio(args.quick)
    else:
        jmh_lines = ["  benchmarks/target/benchmarks.jar not built: ./mvnw -B -DskipTests package -pl benchmarks -am,"
                     " then java -jar benchmarks/target/benchmarks.jar ModelCostBenchmark"]
    shutil.rmtree(scratch, ignore_errors=True)

    def verdict(value, limit, at_most=True):
        if value is None:
            return "-"
        return "met" if (value <= limit if at_most else value >= limit) else "MISSED"

    def ratio(a, b):
        return None if a is None or not b else a.wall / b.wall

    phases, rules = parse_timings(timing.err)
    slowest = rules[0] if rules else None
    rows = [
        ("whole corpus, ./opsdoc / markdownlint-cli2", ratio(o_whole, m_whole), "<= 0.15", verdict(ratio(o_whole, m_whole), 0.15)),
        ("whole corpus, java -jar / markdownlint-cli2", ratio(p_whole, m_whole), "<= 0.15", verdict(ratio(p_whole, m_whole), 0.15)),
        ("peak RSS, java -jar, corpus (MB)", p_whole.rss, "<= 250", verdict(p_whole.rss, 250)),
        (f"peak RSS, java -jar, {COPIES}x corpus (MB)", p_four.rss, "<= 400", verdict(p_four.rss, 400)),
        (f"{COPIES}x corpus time / 1x (java -jar)", p_four.wall / p_whole.wall, "<= 4.2", verdict(p_four.wall / p_whole.wall, 4.2)),
        ("--jobs 1 time / --jobs 2 time", p_j1.wall / p_j2.wall, ">= 1.6", verdict(p_j1.wall / p_j2.wall, 1.6, at_most=False)),
        ("one file, ./opsdoc / markdownlint-cli2", ratio(o_one, m_one), "<= 0.8", verdict(ratio(o_one, m_one), 0.8)),
        ("one file, ./opsdoc on JDK 25 / markdownlint-cli2", ratio(o_one25, m_one), "<= 0.8", verdict(ratio(o_one25, m_one), 0.8)),
        (f"slowest rule over the corpus (s){': ' + slowest[0] if slowest else ''}",
         slowest[1] / 1000 if slowest else None, "<= 0.5", verdict(slowest[1] / 1000 if slowest else None, 0.5)),
        ("Markdown model / flexmark parse (JMH)", jmh_ratio, "<= 2.0", verdict(jmh_ratio, 2.0)),
    ]
    print("Targets of issue #14 (ratios of median wall times unless a unit is given):\n")
    width = max(len(r[0]) for r in rows)
    print(f"| {'target':<{width}} | {'value':>8} | {'goal':<7} | {'':<6} |")
    print(f"|{'-' * (width + 2)}|{'-' * 10}|{'-' * 9}|{'-' * 8}|")
    for name, value, goal, ok in rows:
        shown = "-" if value is None else f"{value:.0f}" if "(MB)" in name else f"{value:.2f}"
        print(f"| {name:<{width}} | {shown:>8} | {goal:<7} | {ok:<6} |")

    print("\nThe measurements (median of each; CPU = user + sys of the process and its threads):\n")
    print(f"| {'measure':<48} | {'wall':>8} | {'CPU':>8} | {'peak RSS':>9} |")
    print(f"|{'-' * 50}|{'-' * 10}|{'-' * 10}|{'-' * 11}|")
    for name, m in [("opsdoc ./opsdoc, corpus", o_whole), ("opsdoc java -jar, corpus", p_whole),
                    (f"opsdoc java -jar, {COPIES}x corpus", p_four), ("opsdoc java -jar --jobs 1, corpus", p_j1),
                    ("opsdoc java -jar --jobs 2, corpus", p_j2), ("opsdoc ./opsdoc, one file (SARIF)", o_one),
                    ("opsdoc ./opsdoc, one file (text)", o_one_text),
                    ("opsdoc ./opsdoc on JDK 25 + AOT cache, one file", o_one25),
                    ("markdownlint-cli2, corpus", m_whole), ("markdownlint-cli2, one file", m_one)]:
        if m is not None:
            print(f"| {name:<48} | {m.wall:>6.2f} s | {m.cpu:>6.2f} s | {m.rss:>6.0f} MB |")
    print(f"\nopsdoc throughput (java -jar): {size_mb / p_whole.wall:.2f} MB/s, {len(files) / p_whole.wall:.0f} files/s")

    if phases:
        print("\nopsdoc breakdown of one whole-corpus run (java -jar check --timings; per-file phases are summed"
              " over worker threads, so they can exceed the wall time):")
        names = [("discovery", "file discovery"), ("reading", "reading + UTF-8 decoding"), ("markdown", "Markdown parsing + model"),
                 ("embedded", "embedded parsing (YAML/JSON/HCL)"), ("document-rules", "document rules"),
                 ("set-rules", "planning-set rules"), ("output", "output (SARIF)"), ("lint-wall", "lint wall (all but output)")]
        for key, label in names:
            if key in phases:
                print(f"  {label:<36} {phases[key]:>10.0f} ms")
        if rules:
            print("  slowest rules: " + ", ".join(f"{r} {ms:.0f} ms" for r, ms in rules))
    print("\nJMH Markdown model vs flexmark:")
    for line in jmh_lines:
        print(line)


if __name__ == "__main__":
    main()

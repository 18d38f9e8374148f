#!/usr/bin/env python3
"""opsdoc benchmark harness: opsdoc vs markdownlint-cli2 on the same Markdown corpus.

Usage: bench/run.py [--corpus DIR] [--runs N] [--jar JAR] [--skip-markdownlint]

Prints, in one run, side by side: whole-corpus wall time, one-file wall time and peak memory
for opsdoc (all rules, SARIF written to a file, started with the ./opsdoc launcher so the
AppCDS archive and JVM flags are the ones users get) and markdownlint-cli2 0.22.1 (installed
into bench/.work/node from the npm registry on first use), their ratios against the targets,
opsdoc's phase breakdown (check --timings), throughput, linearity (half corpus vs whole) and
parallel speed-up (--jobs 1 vs all cores). Every figure is the median of N runs (default 5).
"""
import argparse, os, platform, re, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "bench", ".work")
LAUNCHER = os.path.join(ROOT, "opsdoc")
DEFAULT_JAR = os.path.join(ROOT, "cli", "target", "opsdoc.jar")
ONE_FILE = os.path.join(ROOT, "examples", "planning", "cicd-pipeline.md")
MARKDOWNLINT_VERSION = "0.22.1"


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
    """A copy of a subset of the corpus (keeps the relative layout, so planning sets stay sets)."""
    if os.path.exists(target):
        shutil.rmtree(target)
    for f in files:
        dest = os.path.join(target, os.path.relpath(f, corpus))
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        shutil.copyfile(f, dest)
    return target


def timed(cmd, cwd, env=None):
    """Wall seconds, peak RSS in MB (GNU time, includes child processes' maximum) and stderr."""
    fd, out = tempfile.mkstemp(suffix=".time")
    os.close(fd)
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", out] + cmd, cwd=cwd, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    with open(out) as f:
        numbers = [t for t in f.read().split() if t.isdigit()]
    os.unlink(out)
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode not in (0, 1):
        sys.exit(f"command failed ({p.returncode}): {' '.join(cmd)}\n{err[-2000:]}")
    return wall, (int(numbers[-1]) / 1024.0 if numbers else float("nan")), err


def median_run(cmd, cwd, runs, env=None):
    walls, mems, err = [], [], ""
    for _ in range(runs):
        w, m, err = timed(cmd, cwd, env)
        walls.append(w)
        mems.append(m)
    return statistics.median(walls), statistics.median(mems), err


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


def cpu_line():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def java_version():
    p = subprocess.run(["java", "-version"], capture_output=True, text=True)
    return (p.stderr.splitlines() or ["java ?"])[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="folder of Markdown files (default: ../shared/corpus)")
    ap.add_argument("--runs", type=int, default=5, help="runs per measure; the median is reported")
    ap.add_argument("--jar", default=DEFAULT_JAR, help="opsdoc jar (its .jsa next to it is used when present)")
    ap.add_argument("--skip-markdownlint", action="store_true")
    args = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # progress shows even when piped to a file
    corpus = os.path.abspath(args.corpus) if args.corpus else find_corpus()
    if not corpus or not os.path.isdir(corpus):
        sys.exit("no corpus: pass --corpus DIR (the shared corpus is looked for in ../shared/corpus)")
    jar = os.path.abspath(args.jar)
    ensure_jar(jar)
    mdl = None if args.skip_markdownlint else ensure_markdownlint()

    files = markdown_files(corpus)
    size_mb = sum(os.path.getsize(f) for f in files) / (1024 * 1024)
    # Copies outside the repository: no .opsdoc.yml or .markdownlint* of ours applies to them.
    scratch = tempfile.mkdtemp(prefix="opsdoc-bench-")
    whole = copy_tree(files, corpus, os.path.join(scratch, "whole"))
    half = copy_tree(files[::2], corpus, os.path.join(scratch, "half"))
    half_mb = sum(os.path.getsize(f) for f in files[::2]) / (1024 * 1024)
    sarif = os.path.join(scratch, "opsdoc.sarif")
    env = dict(os.environ, OPSDOC_JAR=jar, OPSDOC_NO_BUILD="1")
    opsdoc = [LAUNCHER, "check", "--format", "sarif", "--output", sarif, "--fail-on", "none"]
    runs = max(1, args.runs)

    print(f"machine: {os.cpu_count()} cores, {cpu_line()}, {platform.system()} {platform.release()}; "
          f"{java_version()}; node {subprocess.run(['node', '--version'], capture_output=True, text=True).stdout.strip()}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"corpus: {len(files)} Markdown files, {size_mb:.1f} MB ({corpus}); median of {runs} runs; "
          f"load average at start {load:.1f}")
    print(f"opsdoc: {LAUNCHER} with {os.path.relpath(jar, ROOT)}"
          f"{' + ' + os.path.relpath(jar[:-4] + '.jsa', ROOT) if os.path.exists(jar[:-4] + '.jsa') else ' (no AppCDS archive)'}"
          f", all rules, SARIF to a file; markdownlint-cli2 {MARKDOWNLINT_VERSION}, default rules, '**/*.md'\n")

    o_whole, o_mem, _ = median_run(opsdoc + ["."], whole, runs, env)
    o_one, o_one_mem, _ = median_run(opsdoc + [ONE_FILE], ROOT, runs, env)
    o_half, _, _ = median_run(opsdoc + ["."], half, runs, env)
    o_j1, _, _ = median_run(opsdoc + ["--jobs", "1", "."], whole, runs, env)
    _, _, timing_err = timed(opsdoc + ["--timings", "."], whole, env)
    m_whole = m_one = m_mem = None
    if mdl:
        m_whole, m_mem, _ = median_run([mdl, "**/*.md"], whole, runs)
        m_one, _, _ = median_run([mdl, ONE_FILE], ROOT, runs)
    shutil.rmtree(scratch, ignore_errors=True)

    def fmt(v, unit):
        return "-" if v is None else f"{v:.2f} {unit}" if unit == "s" else f"{v:.0f} {unit}"

    def ratio(a, b):
        return "-" if not b else f"{a / b:.2f}"

    header = f"| {'measure':<26} | {'opsdoc':>10} | {'markdownlint-cli2':>17} | {'ratio':>6} | {'target':<22} |"
    print(header)
    print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
    def row(name, a, b, unit, target):
        print(f"| {name:<26} | {fmt(a, unit):>10} | {fmt(b, unit):>17} | {ratio(a, b):>6} | {target:<22} |")
    row("whole corpus, wall", o_whole, m_whole, "s", "ratio <= 0.50")
    row("one small file, wall", o_one, m_one, "s", "ratio <= 1.00")
    row("peak memory, corpus", o_mem, m_mem, "MB", "opsdoc < 300 MB")
    print()
    print(f"opsdoc throughput: {size_mb / o_whole:.2f} MB/s, {len(files) / o_whole:.0f} files/s "
          f"(markdownlint-cli2: {size_mb / m_whole:.2f} MB/s, {len(files) / m_whole:.0f} files/s)" if m_whole else
          f"opsdoc throughput: {size_mb / o_whole:.2f} MB/s, {len(files) / o_whole:.0f} files/s")
    print(f"opsdoc linearity: half corpus ({len(files[::2])} files, {half_mb:.1f} MB) {o_half:.2f} s, whole {o_whole:.2f} s"
          f" -> 2x files = {o_whole / o_half:.2f}x time (target <= 2.10x)")
    print(f"opsdoc parallel speed-up: --jobs 1 {o_j1:.2f} s, --jobs {os.cpu_count()} {o_whole:.2f} s"
          f" -> {o_j1 / o_whole:.2f}x (target >= 1.70x on 2 cores)")
    print(f"opsdoc one-file peak memory: {o_one_mem:.0f} MB")

    phases, rules = parse_timings(timing_err)
    if phases:
        print("\nopsdoc breakdown of one whole-corpus run (check --timings; per-file phases are summed over"
              " worker threads, so they can exceed the wall time):")
        names = [("discovery", "file discovery"), ("reading", "reading + UTF-8 decoding"), ("markdown", "Markdown parsing + model"),
                 ("embedded", "embedded parsing (YAML/JSON/HCL)"), ("document-rules", "document rules"),
                 ("set-rules", "planning-set rules"), ("output", "output (SARIF)"), ("lint-wall", "lint wall (all but output)")]
        for key, label in names:
            if key in phases:
                print(f"  {label:<36} {phases[key]:>10.0f} ms")
        if rules:
            print("  slowest rules: " + ", ".join(f"{r} {ms:.0f} ms" for r, ms in rules))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Benchmark: from saving an exercise file to seeing the verdict in watch mode.

What it measures is what a learner feels: watch mode runs in a pseudo-terminal,
the script writes `exercises/02_norms_dot_products_projections/dot_product.rs`
and times until the verdict appears on the screen (file event, debounce, cargo's
incremental build, the runner's checks, rendering). Two kinds of save:

  pass     a correct `dot` (the whole check suite runs: 256 cases per property)
  compile  a save with a type error (cargo stops at rustc)

and, for the breakdown, the runner alone checking the passing `dot` (the checks
without file events, build or rendering).

It works in a throw-away copy of the workbook (your exercises and progress are
not touched) with its own target directory, target/bench, kept between runs so
only the first run pays for compiling the dependencies.

Usage: python3 checker/bench/save_to_verdict.py [--cycles N]
Needs: python3 (standard library only), cargo, git.
"""
import argparse, os, pathlib, pty, re, select, shutil, statistics, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXERCISE = "exercises/02_norms_dot_products_projections/dot_product.rs"
ANSI = re.compile(rb"\x1b\[[0-9;]*[A-Za-z]")

PASS_BODY = """
    let mut sum = 0.0;
    for (ai, bi) in a.iter().zip(b) {
        sum += ai * bi;
    }
    sum // cycle {n}
"""
COMPILE_BODY = """
    let s: usize = a.len() * 1.0; // cycle {n}
    s
"""


def sandbox() -> pathlib.Path:
    dest = pathlib.Path(tempfile.mkdtemp(prefix="eigenlings-bench-"))
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.split()
    for f in files:
        src = ROOT / f
        if src.is_file():
            (dest / f).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / f)
    # Lesson 1 done, so lesson 2 is unlocked: its solutions in place, and a progress file saying so.
    lesson1 = "01_vectors_and_vector_spaces"
    for sol in (ROOT / "solutions" / lesson1).glob("*.rs"):
        if sol.name != "mod.rs":
            shutil.copy2(sol, dest / "exercises" / lesson1 / sol.name)
    ids = re.findall(r'id = "(\w+)"\nlesson = 1\n', (ROOT / "info.toml").read_text())
    (dest / "progress.toml").write_text("format_version = 1\n" + "".join(
        f'[exercises.{i}]\nstatus = "done"\nruns = 1\n' for i in ids))
    return dest


def with_body(stub: str, body: str) -> str:
    start = stub.index("pub fn dot(")
    open_brace = stub.index("{\n", start) + 2
    close = stub.index("\n}\n", open_brace)
    return stub[:open_brace] + body.strip("\n") + stub[close:]


class Screen:
    def __init__(self, cmd, cwd, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(cwd)
            os.execvpe(cmd[0], cmd, env)
        self.buf = b""

    def wait_for(self, pattern: bytes, timeout: float) -> float:
        deadline = time.monotonic() + timeout
        while True:
            clean = ANSI.sub(b"", self.buf)
            if pattern in clean:
                self.buf = b""
                return time.monotonic()
            left = deadline - time.monotonic()
            if left <= 0:
                sys.exit(f"timed out waiting for {pattern!r}; screen:\n{clean[-2000:].decode(errors='replace')}")
            r, _, _ = select.select([self.fd], [], [], left)
            if r:
                try:
                    self.buf += os.read(self.fd, 65536)
                except OSError:
                    sys.exit("watch mode exited")

    def drain(self):
        self.buf = b""

    def close(self):
        os.write(self.fd, b"q")
        time.sleep(0.3)
        try:
            os.kill(self.pid, 9)
        except ProcessLookupError:
            pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cycles", type=int, default=12)
    args = ap.parse_args()
    target = ROOT / "target" / "bench"
    env = dict(os.environ, CARGO_TARGET_DIR=str(target), NO_COLOR="1")
    box = sandbox()
    try:
        print(f"building in {box} (target dir {target}) …", flush=True)
        subprocess.run(["cargo", "build", "-q", "-p", "eigenlings", "-p", "run-exercises"], cwd=box, env=env, check=True)
        exe = target / "debug" / "eigenlings"
        screen = Screen([str(exe)], box, env)
        screen.wait_for(b"not implemented yet", 300)
        path = box / EXERCISE
        stub = path.read_text()
        times = {"pass": [], "compile": []}
        for n in range(args.cycles + 1):  # cycle 0 warms the incremental cache
            for kind, body, expect in (("pass", PASS_BODY, b"passed"), ("compile", COMPILE_BODY, b"does not compile")):
                time.sleep(0.3)
                screen.drain()
                t0 = time.monotonic()
                path.write_text(with_body(stub, body.replace("{n}", str(n))))
                t1 = screen.wait_for(expect, 120)
                if n > 0:
                    times[kind].append(t1 - t0)
        # Leave a passing `dot` in place and time the runner alone: the checks
        # without the file event, the build and the rendering.
        path.write_text(with_body(stub, PASS_BODY.replace("{n}", "final")))
        screen.wait_for(b"passed", 120)
        screen.close()
        runner = target / "debug" / "run-exercises"
        report = box / "target" / "bench-report.json"
        report.parent.mkdir(parents=True, exist_ok=True)
        for n in range(args.cycles + 1):
            t0 = time.monotonic()
            subprocess.run([str(runner), "check", "dot_product", "--report", str(report)], cwd=box, check=True,
                           capture_output=True)
            if n > 0:
                times.setdefault("runner", []).append(time.monotonic() - t0)
    finally:
        shutil.rmtree(box, ignore_errors=True)
    print(f"save → verdict in watch mode, {args.cycles} cycles each ({os.cpu_count()} cores):")
    for kind, label in (("pass", "passing save"), ("compile", "compile error"), ("runner", "checks alone")):
        t = times[kind]
        print(f"  {label:<14} median {statistics.median(t):.3f} s   range {min(t):.3f}–{max(t):.3f} s")


if __name__ == "__main__":
    main()

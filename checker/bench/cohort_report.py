#!/usr/bin/env python3
"""Benchmark: `cargo learn cohort` over 500 generated learners.

It generates a class of 500 learner repositories in a temporary folder, each
with a `progress.toml` as `cargo learn` writes it (format version 2): learners
spread over the course, runs and failing properties per exercise, hint levels,
solution views, a few names with HTML in them, and the bad inputs a real class
has (1 in 50 malformed, 1 in 50 truncated to nothing, 1 in 50 with no progress
file). Then it times the report in each format, the way an instructor runs it:
the CLI built in the dev profile (what `cargo learn` runs), from the workbook's
root, reading every file from disk and printing the whole report (to a file).

Usage: python3 checker/bench/cohort_report.py [--learners N] [--repeat N] [--keep DIR]
(--keep: leave the generated class and the reports in DIR, to look at them.)
Needs: python3 (standard library only), cargo.
"""
import argparse, json, pathlib, random, re, statistics, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parents[2]


def build_cli() -> pathlib.Path:
    out = subprocess.run(["cargo", "build", "--quiet", "--package", "eigenlings", "--message-format", "json"],
                         cwd=ROOT, check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg["target"]["name"] == "eigenlings" and msg.get("executable"):
            return pathlib.Path(msg["executable"])
    sys.exit("cargo did not say where the CLI is")


def stamp(minute: int) -> str:
    day, minute = divmod(minute, 24 * 60)
    return f"2026-02-{1 + day % 28:02d}T{minute // 60:02d}:{minute % 60:02d}:00Z"


def progress_toml(rng: random.Random, i: int, ids: list) -> str:
    name = f"Learner {i:03d}" if i % 97 else f"<b>Learner {i:03d}</b> & co"
    lines = ["format_version = 2", "", "[learner]", f'name = "{name}"', f'email = "learner{i:03d}@example.org"',
             'from = "git config"', ""]
    reached = min(len(ids) - 1, int(rng.betavariate(2, 2) * len(ids)))
    clock = rng.randrange(0, 5000)
    for k, ex in enumerate(ids[:reached + 1]):
        done = k < reached
        runs = 1 + int(rng.expovariate(1 / (2 + k % 7)))
        first = clock
        clock += rng.randrange(5, 90)
        lines += [f"[exercises.{ex}]", f'status = "{"done" if done else "pending"}"', f'first_run = "{stamp(first)}"']
        if done:
            lines += [f'solved = "{stamp(clock)}"', f"runs = {runs}", f"runs_to_solve = {runs}"]
        else:
            lines += [f"runs = {runs}"]
        hints = min(3, int(rng.expovariate(1.5)))
        if hints:
            lines += [f"hints_seen = {hints}",
                      "hint_times = [" + ", ".join(f'"{stamp(first + h + 1)}"' for h in range(hints)) + "]"]
        if done and rng.random() < 0.2:
            lines += [f'solution_viewed = "{stamp(clock + 1)}"']
        if done:
            lines += [f'source_sha1 = "{rng.getrandbits(160):040x}"']
        if runs > 1:
            prop = f"property_{rng.randrange(4)}"
            lines += [f'last_failed_property = "{prop}"', "", f"[exercises.{ex}.failed_properties]",
                      f"{prop} = {runs - (1 if done else 0)}"]
        lines.append("")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--learners", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--keep", type=pathlib.Path)
    args = ap.parse_args()
    ids = re.findall(r'^id = "(\w+)"', (ROOT / "info.toml").read_text(), re.M)
    cli = build_cli()
    rng = random.Random(8)
    with tempfile.TemporaryDirectory(prefix="eigenlings-cohort-bench-") as tmp:
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=False)
            tmp = args.keep.resolve()
        cls = pathlib.Path(tmp) / "class"
        for i in range(args.learners):
            repo = cls / f"learner-{i:03d}"
            (repo / "exercises").mkdir(parents=True)
            text = progress_toml(rng, i, ids)
            if i % 50 == 7:
                text = text[: len(text) // 3]
            elif i % 50 == 13:
                text = ""
            if i % 50 != 21:
                (repo / "progress.toml").write_text(text)
        print(f"{args.learners} learners, {len(ids)} exercises; CLI {cli.relative_to(ROOT)} (dev profile)")
        print(f"| format | median | range ({args.repeat} runs) | output |\n| --- | --- | --- | --- |")
        for fmt in ["text", "csv", "html"]:
            times, size = [], 0
            for _ in range(args.repeat):
                out = pathlib.Path(tmp) / f"report.{fmt}"
                with open(out, "wb") as f:
                    started = time.perf_counter()
                    code = subprocess.run([cli, "cohort", "--format", fmt, cls], cwd=ROOT, stdout=f).returncode
                    times.append(time.perf_counter() - started)
                if code not in (0, 1):
                    sys.exit(f"cohort --format {fmt} exited {code}")
                size = out.stat().st_size
            print(f"| {fmt} | {statistics.median(times):.3f} s | {min(times):.3f}–{max(times):.3f} s | {size / 1e6:.1f} MB |")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Write exercises/NN_*/X.rs from solutions/NN_*/X.rs: same header, docs and
signatures, each function body replaced by a `// TODO:` line and `todo!()`.

Course authors run it after editing a solution's docs or signature; the TODO
lines below are the only text that is not in the solution. The author gate
(`cargo test`) then checks that every stub reports "not implemented yet".
"""
import hashlib, pathlib, re, sys

TODO = {
    "add": "add the coordinates one by one (zip the two slices).",
    "sub": "subtract the coordinates one by one; keep the order u - v.",
    "scale": "multiply every coordinate by c.",
    "linear_combination": "check the sizes, then add up scale(c_i, v_i) with your own add and scale.",
    "signed_area": "a[0]·b[1] − a[1]·b[0].",
    "are_independent_2d": "compare |signed_area| with 1e-10 times the size of the two products.",
    "mean_vector": "add up the rows with your add, then scale by 1/m.",
    "dot": "sum a_i·b_i over all i.",
    "norm_l1": "sum the absolute values.",
    "norm_l2": "divide by the largest |v_i| before squaring, multiply back after the square root.",
    "norm_inf": "the largest absolute value (0 for the empty vector).",
    "norm_p": "the same scaling as norm_l2, with powers p and 1/p.",
    "euclidean": "the 2-norm of a − b, with your own sub and norm_l2.",
    "manhattan": "the 1-norm of a − b.",
    "chebyshev": "the ∞-norm of a − b.",
    "cosine_similarity": "refuse zero vectors, dot the two unit vectors, clamp to [-1, 1].",
    "angle_between": "arccos of your cosine similarity.",
    "project_onto": "refuse b = 0, then scale b by (a·b)/(b·b).",
    "residual": "a minus its projection onto b.",
    "k_nearest": "score every row by its distance to the query, sort, keep the first k indices.",
}

def stub(source: str, lesson: int) -> str:
    out, i = [], 0
    for m in re.finditer(r"^pub fn (\w+)[^{]*\{\n", source, flags=re.M):
        name = m.group(1)
        if name not in TODO:
            sys.exit(f"no TODO text for `{name}`: add one to checker/tools/make_stubs.py")
        out.append(source[i:m.end()])
        # Skip to the closing brace at column 0.
        end = source.index("\n}\n", m.end())
        out.append(f"    // TODO: {TODO[name]}\n    todo!(\"lesson {lesson:02}: {name}\")\n")
        i = end + 1
    out.append(source[i:])
    return "".join(out)

def git_blob_sha1(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()

root = pathlib.Path(__file__).resolve().parents[2]
info_path = root / "info.toml"
info = info_path.read_text()
for sol in sorted((root / "solutions").glob("[0-9][0-9]_*/*.rs")):
    if sol.name == "mod.rs":
        continue
    lesson = int(sol.parent.name[:2])
    target = root / "exercises" / sol.parent.name / sol.name
    text = stub(sol.read_text(), lesson)
    target.write_text(text)
    print(f"wrote {target.relative_to(root)}")
    # Record the stub's git blob hash in its info.toml entry (matched by file name).
    pattern = re.compile(r'(file = "%s"\n(?:(?!\[\[exercises\]\]).*\n)*?stub_sha1 = )"[0-9a-f]*"' % re.escape(sol.name))
    info, n = pattern.subn(lambda m: m.group(1) + '"%s"' % git_blob_sha1(text.encode()), info)
    if n != 1:
        sys.exit(f"info.toml: no single entry with file = \"{sol.name}\" and a stub_sha1 line")
info_path.write_text(info)

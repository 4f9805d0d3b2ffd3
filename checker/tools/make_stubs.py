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
    "mat_vec_rows": "check x.len() against a.ncols(), then one dot product per row of a.",
    "mat_vec_columns": "check the length, then combine the columns of a with the coefficients x.",
    "mat_mul": "check a.ncols() == b.nrows(), then entry (i, j) is row i of a dotted with column j of b.",
    "transpose": "an n×m matrix whose entry (i, j) is a[(j, i)].",
    "rotation": "the columns are (cos θ, sin θ) and (−sin θ, cos θ).",
    "reflection": "the rows are (cos 2θ, sin 2θ) and (sin 2θ, −cos 2θ).",
    "shear": "the rows are (1, k) and (0, 1).",
    "det2": "refuse other shapes, then a00·a11 − a01·a10 (your signed_area of the two columns).",
    "det3": "refuse other shapes, then expand along row 0 with the signs +, −, + and your det2 of each minor.",
    "trace": "refuse a non-square matrix, then add up the a[(i, i)].",
    "apply_in_turn": "start from x and apply each map with your mat_vec_rows, maps[0] first.",
    "compose": "refuse an empty list, then put each next map on the left with your mat_mul.",
    "rref": "tol = 1000·max(m, n)·ε·‖A‖∞; per column: largest |entry| among rows without a pivot, swap, divide, eliminate.",
    "rank": "the number of pivot columns your rref finds.",
    "nullity": "the number of columns minus your rank.",
    "column_space": "the columns of a (not of R) at your rref's pivots, as an m×r matrix.",
    "row_space": "the first rank rows of R, each one a column of an n×r matrix.",
    "null_space": "one vector per free column f: 1 at f, −R[(i, f)] at pivots[i] for each pivot row i, 0 elsewhere.",
    "left_null_space": "build the transpose (entry (i, j) is a[(j, i)]) and call your null_space.",
    "subspace_dimensions": "count the columns (ncols) of your four bases, in the order C(A), N(A), C(Aᵀ), N(Aᵀ).",
    "forward_substitution": "check the shapes and the diagonal, then for i = 0, 1, …: x_i = (b_i − Σ_{j<i} l_ij·x_j) / l_ii.",
    "back_substitution": "check the shapes and the diagonal, then for i = n−1 down to 0: x_i = (b_i − Σ_{j>i} u_ij·x_j) / u_ii.",
    "solve": "check the shapes; on copies of A and b, per column k: swap in the row with the largest |a_ik| (i ≥ k; Singular if it is 0.0), eliminate below; then your back_substitution.",
    "lu": "u = A, l = I, perm = 0..n; per column k: largest |u_ik| (skip the column if 0.0), swap rows of u, perm and l (columns < k), store the multipliers in l, eliminate, u_ik = 0.0.",
    "lu_solve": "check b.len(); pb[i] = b[perm[i]]; y from your forward_substitution(L, pb), then x from your back_substitution(U, y).",
    "lu_solve_many": "check b.nrows(); solve each column of b with your lu_solve and write it into that column of an n×k matrix.",
    "lu_solve_transpose": "z from your forward_substitution(Uᵀ, b), w from your back_substitution(Lᵀ, z), then x[perm[i]] = w[i].",
    "det": "your lu; flip the sign for every pair i < j with perm[i] > perm[j], then multiply by every u_kk.",
    "inverse": "your lu, then your lu_solve_many with the n×n identity.",
    "norm_1": "add up |a_ij| down each column; return the largest sum (0.0 without columns).",
    "cond_1_estimate": "your lu; Hager's steps 1–4 from the doc with your lu_solve and lu_solve_transpose; times your norm_1(a).",
    "gram": "for i ≤ j, g[(i, j)] = g[(j, i)] = column i dotted with column j (your dot).",
    "at_b": "check b.len() against a.nrows(), then entry j is column j of a dotted with b.",
    "cholesky": "column by column: pivot d = a_jj − Σ l_jk², refuse d ≤ 0 or not finite, l_jj = √d, l_ij = (a_ij − Σ l_ik·l_jk) / l_jj.",
    "lstsq_normal": "your at_b, then your cholesky of your gram; forward_substitution with L, back_substitution with transpose(L).",
    "fit_linear": "put a column of ones in front of x and call your lstsq_normal.",
    "predict": "check that there are p + 1 coefficients, then coefficients[0] + row · coefficients[1..] for each row.",
    "r_squared": "refuse bad input (lengths, empty, constant y), then 1 − Σ(y − ŷ)² / Σ(y − ȳ)².",
    "06:residual": "your mat_vec_rows for Ax, check the length of b, then your sub(b, Ax).",
    "orthogonality": "check r's length, then the largest |cosine_similarity(column j, r)|, skipping zero vectors.",
    "ridge": "your at_b, your gram with λ added to its diagonal, your cholesky, then the two triangular solves.",
    "orthonormality_loss": "push dot(q_i, q_j), minus 1 when i == j, for every pair (i, j) of columns; return your norm_l2 of those k² numbers.",
    "classical_gram_schmidt": "refuse Empty and n > m; per column k: r_jk = q_j·a_k (the original a_k), v = a_k − Σ r_jk q_j, r_kk = ‖v‖ (Singular if ≤ 1e-10·‖a_k‖), q_k = v / r_kk.",
    "modified_gram_schmidt": "as classical_gram_schmidt, but r_jk = q_j·v, with v updated right after each coefficient.",
    "gram_schmidt_twice": "per column, two classical passes (coefficients from v as it was when the pass began), r_jk += each coefficient; then r_kk, the dependence test and q_k.",
    "project_onto_subspace": "check b.len() against q.nrows(), then p = Σ_j (q_j·b) q_j with your dot, scale and add.",
    "orthogonal_complement": "refuse k > m; m − k times: the remainder of every unused e_i after two projections onto the basis so far; keep the longest, normalise it, append it.",
    "householder": "refuse empty x; x[1..] all zero → (e₀, 0.0); else α = −sign(x₀)·norm_l2(x), v = x / (x₀ − α) with v[0] = 1.0, β = 2 / dot(v, v).",
    "apply_householder": "w = vᵀ·(rows row0.., columns col0..), one number per column; then row row0 + i loses β·vᵢ·w.",
    "householder_qr": "refuse empty, then n > m; per column k: your householder of r[k.., k], your apply_householder at (k, k), zeros below the diagonal; Q from [I; 0] with the reflectors applied backwards.",
    "householder_qr_full": "the same steps for k < min(m, n), keeping all m rows of R; Q from I_m with the reflectors applied backwards.",
    "givens": "b == 0.0 → (1.0, 0.0, a); else r = a.hypot(b), c = a / r, s = b / r.",
    "givens_qr": "R = A, Q = I; per column j, for i from m − 1 down to j + 1: your givens(r[i−1][j], r[i][j]), rotate rows i − 1, i of R and columns i − 1, i of Q.",
    "lstsq_qr": "check b's length; your householder_qr; c_j = dot(column j of Q, b); your back_substitution(&r, &c).",
    "eigenvalues_2x2": "d = your det2, t = your trace; Δ = (t/2)² − d; Δ < 0 → Complex { re: t/2, im: √−Δ }; else λ₁ = t/2 + sign(t)·√Δ, λ₂ = d/λ₁ (0 if λ₁ = 0), larger first.",
    "eigen_residual": "refuse a non-square a; Av with your mat_vec_rows; ZeroVector if norm_l2(v) == 0; norm_l2(Av − λv) / norm_l2(v).",
    "rayleigh_quotient": "refuse bad shapes and x = 0; u = x / norm_l2(x); return dot(u, A·u).",
    "power_by_diagonalization": "check the shapes; B = S with column j times d_j^k; your lu(s); row i of the result = your lu_solve_transpose(&f, row i of B).",
    "symmetric_eigen_2x2": "check shape and a01 == a10; b == 0 → diagonal; else τ = (c − a)/(2b), t = sign(τ)/(|τ| + hypot(1, τ)), cs = 1/hypot(1, t), sn = t·cs; pairs (a − tb, (cs, −sn)) and (c + tb, (sn, cs)), larger first.",
    "stationary_distribution": "validate (square, nonempty, rows ≥ 0 summing to 1 ± 1e-9); M = Pᵀ − I with the last row all ones; your lu; Singular if some |u_kk| ≤ 1e-10; your lu_solve with e_{n−1}.",
    "power_step": "refuse bad shapes and x = 0; y = your mat_vec_rows(a, x); λ = dot(x, y) / dot(x, x); ZeroVector if ‖y‖ = 0; return (y / ‖y‖, λ).",
    "power_iteration": "refuse bad input; x = x0/‖x0‖; up to max_iter times: your power_step, stop when ‖next − sign(λ)·x‖ ≤ tol with (λ, next, k); else NotConverged.",
    "inverse_iteration": "refuse bad input; your lu of A − σI ONCE; per step your lu_solve, normalise, stop when ‖next − sign(xᵀy)·x‖ ≤ tol; λ = your rayleigh_quotient(a, next).",
    "deflate": "refuse bad input and v = 0; entry (i, j) = a_ij − λ·v_i·v_j / vᵀv.",
    "top_two_eigenpairs": "your power_iteration, your deflate with that pair, your power_iteration again on the deflated matrix.",
    "hessenberg": "for k < n − 2: your householder of h[k+1.., k], your apply_householder at (k+1, k), the same reflector on columns k+1.. of every row, zeros below; Q backwards from I.",
    "qr_step": "refuse Empty / NotSquare; your householder_qr, then your mat_mul(R, Q).",
    "qr_iteration": "test max_{i>j} |a_ij| ≤ tol·‖A‖_F before each step; your qr_step until it holds; NotConverged at max_iter; return the diagonal and the step count.",
    "shifted_qr_eigenvalues": "your hessenberg; deflate negligible subdiagonals, 2×2 blocks directly (complex → NotConverged), else a Wilkinson-shifted qr_step on the active block; budget 30n; sort non-increasing.",
    "symmetric_eigen": "your hessenberg of (A + Aᵀ)/2 → d, e, Vᵀ = Qᵀ; Wilkinson-shifted implicit QR steps with your givens, rotating rows of Vᵀ; deflate; budget 30n; sort with the vectors.",
    "svd_via_eigen": "refuse empty; wide: factor the transpose and swap; else your symmetric_eigen of your gram(a), σ = √max(λ, 0), u_j = A v_j/σ_j for λ_j > max(m, n)·ε·λ₁, completed below.",
    "jacobi_svd": "columns into the rows of g = Aᵀ (rows of A when wide); rotate pairs until |g_p·g_q| ≤ √len·ε·‖g_p‖‖g_q‖, rotating the rows of Vᵀ too; σ_j = norm_l2(g_j), sorted; cap the sweeps.",
    "pseudo_inverse": "your jacobi_svd; w_j = 1/σ_j for σ_j > max(m, n)·ε·σ₁, else 0; entry (i, l) = Σ_j vt[(j, i)]·w_j·u[(l, j)].",
    "lstsq_pinv": "check b's length; your jacobi_svd; c_j = w_j·(u_j·b) with the same cutoff; x = Σ_j c_j·(row j of vt).",
    "truncate": "k = min(k, s.len()); entry (i, l) = Σ_{j<k} u[(i, j)]·s[j]·vt[(j, l)].",
    "low_rank": "your jacobi_svd, then your truncate.",
    "eckart_young_error": "your norm_l2 of s[k..] (empty when k ≥ s.len()).",
    "numerical_rank": "your jacobi_svd; count the σ_j > max(m, n)·ε·σ₁.",
    "cond_2": "your jacobi_svd; ∞ when fewer than min(m, n) σ pass the rank tolerance, else σ₁/σ_last.",
    "12:center": "your mean_vector of data, then subtract mean[j] from every entry of column j.",
    "12:standardize": "your center; refuse n < 2; per column: all entries equal → s = 0 and a zero column, else s = norm_l2(centred column)/√(n − 1) and divide.",
    "12:covariance": "your center; refuse n < 2; your gram of the centred data, every entry divided by n − 1.",
    "12:pca": "refuse Empty, n < 2, k > min(n, d); your center; your jacobi_svd of the centred data; the first k rows of vt, σᵢ²/(n − 1), σᵢ²/Σ all σⱼ² (0 if the sum is 0).",
    "12:project": "check data.ncols() against pca.mean.len(); subtract pca.mean from every row; your mat_mul with your transpose of pca.components.",
    "12:reconstruct": "check scores.ncols() against pca.components.nrows(); your mat_mul(scores, components), then add pca.mean to every row.",
    "12:filter_factors": "σ²/(σ² + λ) for each σ, 0 where σ² + λ == 0.",
    "12:ridge_svd": "check b's length; your jacobi_svd; for each σᵢ with σᵢ² + λ ≠ 0: x += σᵢ/(σᵢ² + λ)·(uᵢ·b)·(row i of vt).",
    "12:softmax": "per row: m = the largest logit, e_c = exp(z_c − m), p_c = e_c / Σ e.",
    "12:cross_entropy": "check the lengths, Empty, labels < k; per row: m + ln Σ exp(z − m) − z[y]; return the mean.",
    "12:forward": "check x.ncols() against the weights' columns; your mat_mul of x with your transpose of the weights; add bias[c] to column c.",
    "12:gradients": "logits by your forward; your cross_entropy for its checks; G = your softmax − one-hot labels, divided by n; weights' gradient Gᵀ·x, bias' the column sums of G.",
    "12:gradient_step": "weights − learning_rate·gradient.weights, bias − learning_rate·gradient.bias.",
    "12:train": "history = [loss of layer]; steps times: your gradients, your gradient_step, push the new loss; return (layer, history).",
}

def stub(source: str, lesson: int) -> str:
    out, i = [], 0
    for m in re.finditer(r"^pub fn (\w+)[^{]*\{\n", source, flags=re.M):
        name = m.group(1)
        # A name that two lessons use takes the key "NN:name" in the later one.
        key = f"{lesson:02}:{name}" if f"{lesson:02}:{name}" in TODO else name
        if key not in TODO:
            sys.exit(f"no TODO text for `{name}`: add one to checker/tools/make_stubs.py")
        out.append(source[i:m.end()])
        # Skip to the closing brace at column 0.
        end = source.index("\n}\n", m.end())
        out.append(f"    // TODO: {TODO[key]}\n    todo!(\"lesson {lesson:02}: {name}\")\n")
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
    # Record the stub's git blob hash in its info.toml entry (matched by lesson
    # and file name: two lessons may have files with the same name).
    pattern = re.compile(
        r'(lesson = %d\nfile = "%s"\n(?:(?!\[\[exercises\]\]).*\n)*?stub_sha1 = )"[0-9a-f]*"' % (lesson, re.escape(sol.name))
    )
    info, n = pattern.subn(lambda m: m.group(1) + '"%s"' % git_blob_sha1(text.encode()), info)
    if n != 1:
        sys.exit(f"info.toml: no single entry with lesson = {lesson}, file = \"{sol.name}\" and a stub_sha1 line")
info_path.write_text(info)

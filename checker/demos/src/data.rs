//! Loading the datasets in `data/` into the course's `Matrix`, with messages
//! that say which file and which line is wrong.

use std::path::Path;

use vocab::Matrix;

/// Fisher's iris flowers: one row per flower, one column per measurement.
#[derive(Debug, Clone)]
pub struct Iris {
    /// 150 × 4: sepal length, sepal width, petal length, petal width (cm).
    pub features: Matrix,
    /// The species of each row, an index into `species`.
    pub labels: Vec<usize>,
    /// Species names, in label order.
    pub species: Vec<String>,
    /// Column names, in column order, with their unit.
    pub feature_names: Vec<String>,
}

impl Iris {
    /// Read `iris.csv` (header, then four numbers and a class index per line)
    /// and `iris_classes.txt` (`index,name` per line) from `data`.
    pub fn load(data: &Path) -> Result<Iris, String> {
        let csv_path = data.join("iris.csv");
        let csv = read(&csv_path)?;
        let classes = read(&data.join("iris_classes.txt"))?;
        let mut lines = csv.lines();
        let header = lines.next().ok_or_else(|| format!("{} is empty", csv_path.display()))?;
        let feature_names: Vec<String> =
            header.split(',').take(4).map(|h| h.trim_end_matches("_cm").replace('_', " ")).collect();
        let mut rows = Vec::new();
        let mut labels = Vec::new();
        for (n, line) in lines.enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let fields: Vec<&str> = line.split(',').collect();
            let bad =
                || format!("{} line {}: expected four numbers and a class, got `{line}`", csv_path.display(), n + 2);
            if fields.len() != 5 {
                return Err(bad());
            }
            let row = fields[..4]
                .iter()
                .map(|f| f.trim().parse::<f64>())
                .collect::<Result<Vec<_>, _>>()
                .map_err(|_| bad())?;
            rows.push(row);
            labels.push(fields[4].trim().parse::<usize>().map_err(|_| bad())?);
        }
        let species: Vec<String> =
            classes.lines().filter_map(|l| l.split_once(',')).map(|(_, name)| name.trim().to_string()).collect();
        if let Some(&l) = labels.iter().find(|&&l| l >= species.len()) {
            return Err(format!("{}: class {l} is not named in iris_classes.txt", csv_path.display()));
        }
        if rows.is_empty() {
            return Err(format!("{} has no rows", csv_path.display()));
        }
        Ok(Iris { features: Matrix::from_rows(&rows), labels, species, feature_names })
    }

    /// The rows of one species, as a matrix of their own.
    pub fn species_rows(&self, label: usize) -> Matrix {
        let rows: Vec<Vec<f64>> = (0..self.features.nrows())
            .filter(|&i| self.labels[i] == label)
            .map(|i| self.features.row(i).to_vec())
            .collect();
        Matrix::from_rows(&rows)
    }
}

/// A numeric table with named columns (a CSV file with a header row).
#[derive(Debug, Clone)]
pub struct Table {
    /// Column names, in column order.
    pub names: Vec<String>,
    /// One row per line of the file.
    pub values: Matrix,
}

impl Table {
    /// Read `file` from `data`: a header, then numbers separated by commas.
    pub fn load(data: &Path, file: &str) -> Result<Table, String> {
        let path = data.join(file);
        let text = read(&path)?;
        let mut lines = text.lines();
        let header = lines.next().ok_or_else(|| format!("{} is empty", path.display()))?;
        let names: Vec<String> = header.split(',').map(|h| h.trim().to_string()).collect();
        let rows = parse_rows(&path, lines, names.len(), 2)?;
        Ok(Table { names, values: Matrix::from_rows(&rows) })
    }

    /// The columns named in `keep`, in that order.
    pub fn columns(&self, keep: &[&str]) -> Result<Table, String> {
        let index: Vec<usize> = keep
            .iter()
            .map(|k| self.names.iter().position(|n| n == k).ok_or_else(|| format!("no column named `{k}`")))
            .collect::<Result<_, _>>()?;
        let values = Matrix::from_fn(self.values.nrows(), index.len(), |i, j| self.values[(i, index[j])]);
        Ok(Table { names: keep.iter().map(|k| k.to_string()).collect(), values })
    }
}

/// The handwritten digits: 8×8 images, one per row, pixel values 0 to 16.
#[derive(Debug, Clone)]
pub struct Digits {
    /// 1797 × 64: pixel (r, c) of an image is column 8r + c.
    pub pixels: Matrix,
    /// The digit each image shows.
    pub labels: Vec<usize>,
}

impl Digits {
    /// Read `digits.csv` (no header; 64 pixel values and the label per line).
    pub fn load(data: &Path) -> Result<Digits, String> {
        let path = data.join("digits.csv");
        let rows = parse_rows(&path, read(&path)?.lines(), 65, 1)?;
        let labels = rows.iter().map(|r| r[64] as usize).collect();
        let pixels = Matrix::from_fn(rows.len(), 64, |i, j| rows[i][j]);
        Ok(Digits { pixels, labels })
    }
}

/// Longley's employment data with NIST's certified regression of TOTEMP on an
/// intercept and the six predictors.
#[derive(Debug, Clone)]
pub struct Longley {
    /// The six predictors' names, in column order.
    pub names: Vec<String>,
    /// 16 × 6: GNPDEFL, GNP, UNEMP, ARMED, POP, YEAR.
    pub predictors: Matrix,
    /// TOTEMP, the response.
    pub y: Vec<f64>,
    /// The certified coefficients: the intercept first, then one per predictor.
    pub certified: Vec<f64>,
}

impl Longley {
    /// Read `longley.csv` and `longley_certified.csv` from `data`.
    pub fn load(data: &Path) -> Result<Longley, String> {
        let names = ["GNPDEFL", "GNP", "UNEMP", "ARMED", "POP", "YEAR"];
        let table = Table::load(data, "longley.csv")?;
        let predictors = table.columns(&names)?.values;
        let y = table.columns(&["TOTEMP"])?.values.column(0);
        let path = data.join("longley_certified.csv");
        let text = read(&path)?;
        let mut certified = Vec::new();
        for (n, line) in text.lines().enumerate().skip(1).filter(|(_, l)| !l.trim().is_empty()) {
            let value = line.split(',').nth(1).and_then(|v| v.trim().parse::<f64>().ok());
            certified
                .push(value.ok_or_else(|| format!("{} line {}: expected `name,estimate,sd`", path.display(), n + 1))?);
        }
        if certified.len() != names.len() + 1 {
            return Err(format!("{}: {} coefficients where 7 were expected", path.display(), certified.len()));
        }
        Ok(Longley { names: names.iter().map(|n| n.to_string()).collect(), predictors, y, certified })
    }

    /// The design matrix `[1 | predictors]`, 16 × 7.
    pub fn design(&self) -> Matrix {
        let m = self.predictors.nrows();
        Matrix::from_fn(m, 7, |i, j| if j == 0 { 1.0 } else { self.predictors[(i, j - 1)] })
    }
}

/// A graph on `n` named nodes as a dense weight matrix: `weights[(i, j)]` is
/// the weight of the edge (or link) from `i` to `j`, 0 where there is none.
#[derive(Debug, Clone)]
pub struct Graph {
    /// One label per node, in id order.
    pub names: Vec<String>,
    /// n × n; symmetric for an undirected graph.
    pub weights: Matrix,
    /// The number of edges (undirected) or links (directed) in the file.
    pub edges: usize,
}

impl Graph {
    /// Zachary's karate club: 34 members, 78 weighted undirected edges
    /// (`karate_edges.csv`: `source,target,weight`), each member named by the
    /// club they joined after the split (`karate_nodes.csv`: `id,club`).
    pub fn karate(data: &Path) -> Result<Graph, String> {
        let names = node_labels(&data.join("karate_nodes.csv"))?;
        let path = data.join("karate_edges.csv");
        let rows = parse_rows(&path, read(&path)?.lines().skip(1), 3, 2)?;
        Graph::from_rows(names, &path, &rows, false)
    }

    /// The painters' links: 14 painters (`painters_nodes.csv`: `id,name`) and
    /// 50 directed links (`painters_edges.csv`: `source,target`, weight 1).
    pub fn painters(data: &Path) -> Result<Graph, String> {
        let names = node_labels(&data.join("painters_nodes.csv"))?;
        let path = data.join("painters_edges.csv");
        let rows = parse_rows(&path, read(&path)?.lines().skip(1), 2, 2)?;
        Graph::from_rows(names, &path, &rows, true)
    }

    fn from_rows(names: Vec<String>, path: &Path, rows: &[Vec<f64>], directed: bool) -> Result<Graph, String> {
        let n = names.len();
        let mut weights = Matrix::zeros(n, n);
        for (k, row) in rows.iter().enumerate() {
            let node = |x: f64| {
                (x >= 0.0 && x.fract() == 0.0 && (x as usize) < n)
                    .then_some(x as usize)
                    .ok_or_else(|| format!("{} line {}: {x} is not a node id (0 to {})", path.display(), k + 2, n - 1))
            };
            let (i, j) = (node(row[0])?, node(row[1])?);
            let w = row.get(2).copied().unwrap_or(1.0);
            if i == j || !w.is_finite() || w <= 0.0 || weights[(i, j)] != 0.0 {
                return Err(format!("{} line {}: a loop, a repeated edge or a weight ≤ 0", path.display(), k + 2));
            }
            weights[(i, j)] = w;
            if !directed {
                weights[(j, i)] = w;
            }
        }
        Ok(Graph { names, weights, edges: rows.len() })
    }

    /// The number of nodes.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the graph has no nodes.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Row sums of the weights: a node's strength (its degree when every
    /// weight is 1), or its number of out-links in a directed graph.
    pub fn strengths(&self) -> Vec<f64> {
        (0..self.len()).map(|i| self.weights.row(i).iter().sum()).collect()
    }
}

/// The second field of each line after the header (`id,label`), checking
/// that the ids are 0, 1, 2, … in order.
fn node_labels(path: &Path) -> Result<Vec<String>, String> {
    let text = read(path)?;
    let mut names = Vec::new();
    for (k, line) in text.lines().enumerate().skip(1).filter(|(_, l)| !l.trim().is_empty()) {
        let (id, name) =
            line.split_once(',').ok_or_else(|| format!("{} line {}: expected `id,name`", path.display(), k + 1))?;
        if id.trim().parse::<usize>().ok() != Some(names.len()) {
            return Err(format!("{} line {}: expected id {}, got `{id}`", path.display(), k + 1, names.len()));
        }
        names.push(name.trim().to_string());
    }
    if names.is_empty() {
        return Err(format!("{} has no nodes", path.display()));
    }
    Ok(names)
}

/// The wine recognition data: 178 wines from three cultivars, thirteen
/// chemical measurements each, in very different units.
#[derive(Debug, Clone)]
pub struct Wine {
    /// 178 × 13, one row per wine.
    pub features: Matrix,
    /// The cultivar of each row, an index into `cultivars`.
    pub labels: Vec<usize>,
    /// Cultivar names, in label order.
    pub cultivars: Vec<String>,
    /// Column names, in column order.
    pub feature_names: Vec<String>,
}

impl Wine {
    /// Read `wine.csv` (header, then thirteen numbers and a class index per
    /// line) and `wine_classes.txt` (`index,name` per line) from `data`.
    pub fn load(data: &Path) -> Result<Wine, String> {
        let table = Table::load(data, "wine.csv")?;
        let n = table.names.len();
        if n < 2 || table.names[n - 1] != "class" {
            return Err(format!("{}: the last column should be `class`", data.join("wine.csv").display()));
        }
        let features = Matrix::from_fn(table.values.nrows(), n - 1, |i, j| table.values[(i, j)]);
        let classes = read(&data.join("wine_classes.txt"))?;
        let cultivars: Vec<String> =
            classes.lines().filter_map(|l| l.split_once(',')).map(|(_, name)| name.trim().to_string()).collect();
        let mut labels = Vec::with_capacity(table.values.nrows());
        for i in 0..table.values.nrows() {
            let c = table.values[(i, n - 1)];
            if c < 0.0 || c.fract() != 0.0 || c as usize >= cultivars.len() {
                return Err(format!("wine.csv line {}: class {c} is not named in wine_classes.txt", i + 2));
            }
            labels.push(c as usize);
        }
        Ok(Wine { features, labels, cultivars, feature_names: table.names[..n - 1].to_vec() })
    }
}

/// A grayscale image read from a binary PGM file.
#[derive(Debug, Clone)]
pub struct Gray {
    /// One row of the matrix per row of pixels, top first; values `0..=maxval`.
    pub pixels: Matrix,
    /// The brightest value (white).
    pub maxval: u16,
}

impl Gray {
    /// Read the binary PGM (`P5`) file `file` from `data`: the header
    /// `P5 width height maxval` (whitespace-separated, `#` comments allowed),
    /// one whitespace byte, then the pixels row by row, one byte each
    /// (two bytes, most significant first, when maxval > 255).
    pub fn load(data: &Path, file: &str) -> Result<Gray, String> {
        let path = data.join(file);
        let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        parse_pgm(&bytes).map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// The header fields and pixels of a P5 file.
fn parse_pgm(bytes: &[u8]) -> Result<Gray, String> {
    let mut at = 0;
    let mut fields = Vec::new();
    while fields.len() < 4 {
        // Skip whitespace and comments, then read one token.
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'#') {
            if bytes[at] == b'#' {
                while at < bytes.len() && bytes[at] != b'\n' {
                    at += 1;
                }
            } else {
                at += 1;
            }
        }
        let start = at;
        while at < bytes.len() && !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        if start == at {
            return Err("the PGM header ends early".into());
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
    }
    if fields[0] != "P5" {
        return Err(format!("expected a binary PGM starting with `P5`, found `{}`", fields[0]));
    }
    let number = |s: &str, what: &str| s.parse::<usize>().map_err(|_| format!("the {what} `{s}` is not a number"));
    let (width, height, maxval) =
        (number(&fields[1], "width")?, number(&fields[2], "height")?, number(&fields[3], "maxval")?);
    if width == 0 || height == 0 || !(1..=65535).contains(&maxval) {
        return Err(format!("a {width} × {height} image with maxval {maxval} is not a valid PGM"));
    }
    // Exactly one whitespace byte separates the header from the pixels.
    at += 1;
    let depth = if maxval > 255 { 2 } else { 1 };
    let need = width * height * depth;
    let body = bytes.get(at..at + need).ok_or_else(|| {
        format!("{width} × {height} pixels need {need} bytes, the file has {}", bytes.len().saturating_sub(at))
    })?;
    let value = |k: usize| {
        if depth == 1 { f64::from(body[k]) } else { f64::from(u16::from_be_bytes([body[2 * k], body[2 * k + 1]])) }
    };
    let pixels = Matrix::from_fn(height, width, |i, j| value(i * width + j));
    Ok(Gray { pixels, maxval: maxval as u16 })
}

/// A binary PGM (`P5`, maxval 255) of `pixels`, each rounded to the nearest
/// integer and clipped to `0..=255`.
pub fn pgm_bytes(pixels: &Matrix) -> Vec<u8> {
    let (m, n) = pixels.shape();
    let mut out = format!("P5\n{n} {m}\n255\n").into_bytes();
    out.extend(pixels.as_slice().iter().map(|&v| to_byte(v)));
    out
}

/// `v` rounded and clipped to a byte (NaN becomes 0).
pub fn to_byte(v: f64) -> u8 {
    if v.is_nan() { 0 } else { v.round().clamp(0.0, 255.0) as u8 }
}

/// Write a file (an image the demo produced) into `out`, creating the folder if needed.
pub fn write_bytes(out: &Path, name: &str, bytes: &[u8]) -> Result<(), String> {
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let path = out.join(name);
    std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Parse comma-separated numbers, `width` per line; `first_line` numbers the
/// lines in messages.
fn parse_rows<'a>(
    path: &Path,
    lines: impl Iterator<Item = &'a str>,
    width: usize,
    first_line: usize,
) -> Result<Vec<Vec<f64>>, String> {
    let mut rows = Vec::new();
    for (n, line) in lines.enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let row: Vec<f64> = line
            .split(',')
            .map(|f| f.trim().parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|_| format!("{} line {}: expected numbers, got `{line}`", path.display(), n + first_line))?;
        if row.len() != width {
            return Err(format!(
                "{} line {}: {} values where {width} were expected",
                path.display(),
                n + first_line,
                row.len()
            ));
        }
        rows.push(row);
    }
    if rows.is_empty() {
        return Err(format!("{} has no rows", path.display()));
    }
    Ok(rows)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Write one figure into `out`, creating the folder if needed.
pub fn write_figure(out: &Path, name: &str, svg: &str) -> Result<(), String> {
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let path = out.join(name);
    std::fs::write(&path, svg).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data_dir() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
    }

    #[test]
    fn iris_has_150_flowers_4_measurements_and_50_of_each_species() {
        let iris = Iris::load(&data_dir()).unwrap();
        assert_eq!((iris.features.nrows(), iris.features.ncols()), (150, 4));
        assert_eq!(iris.species, ["setosa", "versicolor", "virginica"]);
        assert_eq!(iris.feature_names, ["sepal length", "sepal width", "petal length", "petal width"]);
        for s in 0..3 {
            assert_eq!(iris.species_rows(s).nrows(), 50);
        }
        assert_eq!(iris.features.row(0), [5.1, 3.5, 1.4, 0.2]);
    }

    #[test]
    fn digits_longley_and_diabetes_have_their_documented_shapes() {
        let digits = Digits::load(&data_dir()).unwrap();
        assert_eq!((digits.pixels.nrows(), digits.pixels.ncols(), digits.labels.len()), (1797, 64, 1797));
        assert!(digits.labels.iter().all(|&l| l <= 9));
        let longley = Table::load(&data_dir(), "longley.csv").unwrap();
        assert_eq!((longley.values.nrows(), longley.values.ncols()), (16, 7));
        assert_eq!(longley.names[0], "TOTEMP");
        let diabetes = Table::load(&data_dir(), "diabetes.csv").unwrap();
        assert_eq!((diabetes.values.nrows(), diabetes.values.ncols()), (442, 11));
        let picked = diabetes.columns(&["bp", "bmi"]).unwrap();
        assert_eq!(picked.values.row(0), [101.0, 32.1]);
    }

    #[test]
    fn the_graphs_have_their_documented_sizes() {
        let karate = Graph::karate(&data_dir()).unwrap();
        assert_eq!((karate.len(), karate.edges), (34, 78));
        assert_eq!((karate.names[0].as_str(), karate.names[33].as_str()), ("Mr. Hi", "Officer"));
        let w = &karate.weights;
        assert!((0..34).all(|i| (0..34).all(|j| w[(i, j)] == w[(j, i)])));
        assert_eq!(karate.strengths().iter().sum::<f64>(), 2.0 * 231.0);
        let painters = Graph::painters(&data_dir()).unwrap();
        assert_eq!((painters.len(), painters.edges), (14, 50));
        assert_eq!(painters.names[8], "Vincent van Gogh");
        assert_eq!(painters.weights[(0, 3)], 1.0);
        assert_eq!(painters.weights[(3, 0)], 1.0);
    }

    #[test]
    fn wine_has_178_wines_13_measurements_and_3_cultivars() {
        let wine = Wine::load(&data_dir()).unwrap();
        assert_eq!((wine.features.nrows(), wine.features.ncols()), (178, 13));
        assert_eq!(wine.cultivars, ["class_0", "class_1", "class_2"]);
        assert_eq!(wine.feature_names[0], "alcohol");
        assert_eq!(wine.feature_names[12], "proline");
        let counts: Vec<usize> = (0..3).map(|c| wine.labels.iter().filter(|&&l| l == c).count()).collect();
        assert_eq!(counts, [59, 71, 48]);
        assert_eq!(wine.features[(0, 12)], 1065.0);
    }

    #[test]
    fn the_camera_is_256_by_256_and_survives_a_round_trip() {
        let camera = Gray::load(&data_dir(), "camera_256.pgm").unwrap();
        assert_eq!((camera.pixels.shape(), camera.maxval), ((256, 256), 255));
        assert_eq!(camera.pixels[(0, 0)], 200.0);
        let again = parse_pgm(&pgm_bytes(&camera.pixels)).unwrap();
        assert_eq!(again.pixels, camera.pixels);
    }

    #[test]
    fn pgm_headers_with_comments_and_bad_files_are_handled() {
        let image = parse_pgm(b"P5 # a comment\n2 1\n# another\n255\n\x00\xff").unwrap();
        assert_eq!(image.pixels.to_rows(), vec![vec![0.0, 255.0]]);
        let wide = parse_pgm(b"P5 1 1 1000\n\x03\xe8").unwrap();
        assert_eq!(wide.pixels[(0, 0)], 1000.0);
        assert!(parse_pgm(b"P2 1 1 255\n0").unwrap_err().contains("P5"));
        assert!(parse_pgm(b"P5 2 2 255\n\x00").unwrap_err().contains("need 4 bytes"));
        assert!(parse_pgm(b"P5 2").unwrap_err().contains("ends early"));
        assert_eq!([to_byte(-3.0), to_byte(254.6), to_byte(300.0), to_byte(f64::NAN)], [0, 255, 255, 0]);
    }

    #[test]
    fn a_missing_folder_names_the_file() {
        let e = Iris::load(Path::new("/nonexistent")).unwrap_err();
        assert!(e.contains("iris.csv"), "{e}");
    }
}

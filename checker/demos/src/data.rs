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
    fn a_missing_folder_names_the_file() {
        let e = Iris::load(Path::new("/nonexistent")).unwrap_err();
        assert!(e.contains("iris.csv"), "{e}");
    }
}

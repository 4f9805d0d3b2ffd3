//! Lesson 12, exercise 7: a linear layer, its gradient, and training it.
//!
//! The simplest neural network is one linear layer followed by softmax: $k$
//! outputs, each a weighted sum of the $d$ inputs plus a bias, $z = Wx + b$,
//! or, for a batch $X$ with one sample per row, $Z = XW^\top +
//! \mathbf{1}b^\top$ (multinomial logistic regression). Training adjusts $W$
//! and $b$ to lower the mean cross-entropy loss $L$ of the previous exercise.
//!
//! The gradient is a short computation by hand. For one sample, $\partial
//! L_i / \partial z_{ic} = p_{ic} - y_{ic}$, the predicted probability minus
//! the one-hot target ($y_{ic} = 1$ for the true class, 0 otherwise): softmax
//! and the logarithm cancel into the prediction error. The logit $z_{ic}$
//! depends on $W$ through $w_c \cdot x_i$, so by the chain rule sample $i$
//! contributes the outer product $(p_i - y_i)\, x_i^\top$ to
//! $\partial L / \partial W$. Over the batch, with $G = (P - Y)/n$ (the $1/n$
//! of the mean),
//!
//! $$\frac{\partial L}{\partial W} = G^\top X \quad (k \times d), \qquad
//! \frac{\partial L}{\partial b} = G^\top \mathbf{1} \quad \text{(the column sums of } G).$$
//!
//! The gradient of a linear map is a matrix product with the *transpose*:
//! the same $X$ that carried inputs forward carries errors back. That is
//! backpropagation for one layer, and deep networks repeat it layer by layer.
//!
//! A gradient-descent step moves against the gradient, $W \leftarrow W -
//! \eta\, \partial L/\partial W$, $b \leftarrow b - \eta\, \partial L/\partial
//! b$, with a learning rate $\eta$. The loss is convex in $(W, b)$, and with
//! $\eta$ small enough each step lowers it: training is a loop of forward
//! pass, gradient, step.

use vocab::{Layer, LinalgError, Matrix};

use crate::l03::matrix_product::mat_mul;
use crate::l03::transpose::transpose;
use crate::l12::softmax::{cross_entropy, softmax};

/// The logits $Z = XW^\top + \mathbf{1}b^\top$ of the layer for the batch
/// `x`: $z_{ic} = w_c \cdot x_i + b_c$.
///
/// - `layer.weights` is $k \times d$ and `layer.bias` has length $k$; `x` is
///   $n \times d$ (one sample per row); the result is $n \times k$.
/// - Your lesson-3 `mat_mul` of `x` with the `transpose` of the weights, then
///   $b$ added to every row.
/// - `Err(LinalgError::DimensionMismatch { expected: layer.weights.ncols(),
///   found: x.ncols() })` when the samples have the wrong length.
/// - Example: $W$ with rows $(1, 0), (1, -1)$, $b = (0, 2)$ and the sample
///   $(3, 1)$: logits $(3, 4)$.
pub fn forward(layer: &Layer, x: &Matrix) -> Result<Matrix, LinalgError> {
    let d = layer.weights.ncols();
    if x.ncols() != d {
        return Err(LinalgError::DimensionMismatch { expected: d, found: x.ncols() });
    }
    let z = mat_mul(x, &transpose(&layer.weights))?;
    // The bias of output c is added to column c, in every row.
    Ok(Matrix::from_fn(z.nrows(), z.ncols(), |i, c| z[(i, c)] + layer.bias[c]))
}

/// The gradient of the mean cross-entropy loss of `forward(layer, x)` for the
/// classes `labels`, with respect to the weights and the bias: with
/// $G = (P - Y)/n$, $P$ your `softmax` of the logits and $Y$ the one-hot
/// labels, the weights' gradient is $G^\top X$ and the bias' the column sums
/// of $G$.
///
/// - The result is a [`Layer`] of the same shapes as `layer`: `weights`
///   $k \times d$, `bias` of length $k$.
/// - Divide by $n$: the loss is a mean over the rows. Multiply $G^\top$ by
///   $X$ (a $k \times d$ result), not $X^\top$ by $G$ (its transpose).
/// - Errors: those of [`forward`], then the label errors of your
///   `cross_entropy` (same order and values: lengths, `Empty`, a label
///   $\ge k$).
/// - Example: $W = 0$ ($2 \times 1$), $b = 0$, one sample $x = (2)$ of class
///   0: $P = (1/2, 1/2)$, $G = (-1/2, 1/2)$, so the weights' gradient is
///   $(-1, 1)^\top$ and the bias' $(-1/2, 1/2)$.
pub fn gradients(layer: &Layer, x: &Matrix, labels: &[usize]) -> Result<Layer, LinalgError> {
    let z = forward(layer, x)?;
    // The label checks of the loss, so both refuse the same inputs.
    cross_entropy(&z, labels)?;
    let n = x.nrows();
    let mut g = softmax(&z);
    for (i, &y) in labels.iter().enumerate() {
        // P − Y: subtract 1 at the true class, then the 1/n of the mean.
        g[(i, y)] -= 1.0;
        g.row_mut(i).iter_mut().for_each(|t| *t /= n as f64);
    }
    let gt = transpose(&g);
    let weights = mat_mul(&gt, x)?;
    let bias = (0..gt.nrows()).map(|c| gt.row(c).iter().sum()).collect();
    Ok(Layer { weights, bias })
}

/// One gradient-descent step: $W - \eta\, \nabla_W$ and $b - \eta\, \nabla_b$,
/// with $\eta$ = `learning_rate` and the gradient `gradient` (as
/// [`gradients`] returns it).
///
/// - `layer` and `gradient` have the same shapes; the result too.
/// - Subtract: the gradient points uphill.
/// - Example: $W = (1)$, $b = (0)$, gradient $W' = (2)$, $b' = (-1)$ and
///   $\eta = 0.5$: $W = (0)$, $b = (0.5)$.
pub fn gradient_step(layer: &Layer, gradient: &Layer, learning_rate: f64) -> Layer {
    let w = &layer.weights;
    let weights = Matrix::from_fn(w.nrows(), w.ncols(), |i, j| w[(i, j)] - learning_rate * gradient.weights[(i, j)]);
    let bias = layer.bias.iter().zip(&gradient.bias).map(|(b, g)| b - learning_rate * g).collect();
    Layer { weights, bias }
}

/// Full-batch gradient descent: `steps` times, the [`gradients`] at the
/// current layer and a [`gradient_step`] with `learning_rate`. Returns the
/// trained layer and the loss history.
///
/// - The history has `steps + 1` entries: entry $t$ is the mean
///   cross-entropy (your `cross_entropy` of your `forward`) of the layer
///   after $t$ steps, so entry 0 is the loss of `layer` itself and the last
///   one that of the returned layer. With `steps = 0`, `layer` comes back
///   unchanged with a history of one loss.
/// - With a learning rate small enough for the data (the checks use
///   $\eta \le 1/\max_i(\lVert x_i \rVert^2 + 1)$), every step lowers the
///   loss: the history is non-increasing.
/// - Errors: those of [`gradients`], from the first step (or from the loss,
///   when `steps = 0`).
/// - Example: one sample $x = (1)$ of class 0 of two, $W = 0$, $b = 0$ and
///   $\eta = 1$: the history starts at $\ln 2 \approx 0.6931$ and falls with
///   every step.
pub fn train(
    layer: &Layer,
    x: &Matrix,
    labels: &[usize],
    learning_rate: f64,
    steps: usize,
) -> Result<(Layer, Vec<f64>), LinalgError> {
    let mut current = layer.clone();
    let mut history = Vec::with_capacity(steps + 1);
    history.push(cross_entropy(&forward(&current, x)?, labels)?);
    for _ in 0..steps {
        let g = gradients(&current, x, labels)?;
        current = gradient_step(&current, &g, learning_rate);
        history.push(cross_entropy(&forward(&current, x)?, labels)?);
    }
    Ok((current, history))
}

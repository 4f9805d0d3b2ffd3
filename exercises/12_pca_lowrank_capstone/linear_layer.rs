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
    // TODO: check x.ncols() against the weights' columns; your mat_mul of x with your transpose of the weights; add bias[c] to column c.
    todo!("lesson 12: forward")
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
    // TODO: logits by your forward; your cross_entropy for its checks; G = your softmax − one-hot labels, divided by n; weights' gradient Gᵀ·x, bias' the column sums of G.
    todo!("lesson 12: gradients")
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
    // TODO: weights − learning_rate·gradient.weights, bias − learning_rate·gradient.bias.
    todo!("lesson 12: gradient_step")
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
    // TODO: history = [loss of layer]; steps times: your gradients, your gradient_step, push the new loss; return (layer, history).
    todo!("lesson 12: train")
}

namespace VatDsl;

/// <summary>
/// Per-sample normalization of the perturbation direction d, taken over every non-batch dimension.
/// </summary>
public enum DirectionNormalization
{
    /// <summary>
    /// The official TensorFlow code's form: d / (1e-12 + max|d|), then d / sqrt(1e-6 + sum d^2).
    /// A zero direction stays zero, so a model whose output ignores the input gets an LDS of 0.
    /// The result's norm is s / sqrt(1e-6 + s^2) with s = ||d|| / max|d|, slightly below 1.
    /// </summary>
    Stabilized,

    /// <summary>
    /// d / sqrt(sum d^2), the unit vector of the formulas in Miyato et al., TPAMI 2018. A zero direction gives 0/0; the
    /// training step then throws instead of training on NaN.
    /// </summary>
    L2,
}

namespace VatDsl;

/// <summary>
/// Signs that the power iteration's probe x + xi * d was lost to floating-point rounding, taken
/// as the worst value over the power iterations of one loss.
/// </summary>
/// <param name="UnchangedInputFraction">
/// Fraction of the input elements with a nonzero probe component where x + r still equals x,
/// so the model never saw that component. 0 for exact Hessian-vector products and random perturbations.
/// </param>
/// <param name="ZeroGradientSamples">
/// Number of samples whose probe gradient is exactly zero, so their direction is zero and their LDS is 0.
/// </param>
/// <param name="Samples">Number of samples in the batch.</param>
public readonly record struct ProbeDiagnostics(double UnchangedInputFraction, int ZeroGradientSamples, int Samples)
{
    /// <summary>
    /// Number of the <see cref="ZeroGradientSamples"/> whose probe x + xi * d left at least half of
    /// their probed elements unchanged, so their zero gradient comes from rounding. The other
    /// zero-gradient samples have predictions that are one-hot in the dtype, which no Xi changes.
    /// </summary>
    public int ZeroGradientSamplesWithLostProbe { get; init; }

    /// <summary>
    /// Whether the probe is lost: more than <paramref name="threshold"/> of the probed elements
    /// were unchanged, a sample got a zero gradient because its own probe was lost, or more than
    /// <paramref name="threshold"/> of the samples got a zero gradient for any reason.
    /// </summary>
    public bool IsLost(double threshold) =>
        UnchangedInputFraction > threshold
        || ZeroGradientSamplesWithLostProbe > 0
        || ZeroGradientSamples > threshold * Samples;
}

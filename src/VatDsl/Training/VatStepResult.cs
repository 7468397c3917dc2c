namespace VatDsl;

/// <summary>Losses of one training step, read back from the device as doubles.</summary>
/// <param name="CrossEntropy">Mean cross-entropy on the labeled batch.</param>
/// <param name="Lds">Mean local distributional smoothness KL(p(y|x) || p(y|x + r_adv)); 0 for a supervised step.</param>
/// <param name="Total">Loss that was minimized: cross-entropy + alpha * LDS (+ the entropy term when enabled).</param>
public readonly record struct VatStepResult(double CrossEntropy, double Lds, double Total)
{
    /// <summary>
    /// Conditional entropy of the clean unlabeled predictions, in nats; reported even when
    /// <see cref="VatOptions.EntropyWeight"/> is 0 and the term is not minimized. 0 for a supervised step.
    /// </summary>
    public double ConditionalEntropy { get; init; }
}

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

    /// <summary>Signs that floating-point rounding swallowed the power iteration's probe; default for a supervised step.</summary>
    public ProbeDiagnostics Probe { get; init; }

    /// <summary>
    /// Whether the probe was lost in this step (see <see cref="ProbeDiagnostics.IsLost"/> and
    /// <see cref="VatOptions.ProbeWarningThreshold"/>), so the VAT direction was mostly rounding
    /// noise or zero.
    /// </summary>
    public bool ProbeLost { get; init; }
}

using System;
using System.Globalization;

namespace VatDsl;

/// <summary>
/// Settings of Virtual Adversarial Training (Miyato et al., TPAMI 2018, arXiv:1704.03976).
/// A network's <c>[Vat]</c> attribute sets its defaults; pass an instance to a training step to
/// override them for one call.
/// </summary>
public sealed record VatOptions
{
    /// <summary>Default norm of r_adv, in input units.</summary>
    public const double DefaultEpsilon = 2.0;

    /// <summary>Default finite-difference step, as in the official code.</summary>
    public const double DefaultXi = 1e-6;

    /// <summary>Default number of power iterations, as in the official code.</summary>
    public const int DefaultPowerIterations = 1;

    /// <summary>Default weight of the LDS term.</summary>
    public const double DefaultAlpha = 1.0;

    /// <summary>Norm of the adversarial perturbation r_adv, in input units. Must be positive.</summary>
    public double Epsilon { get; init; } = DefaultEpsilon;

    /// <summary>Finite-difference step xi of the power iteration, in input units. Must be positive.</summary>
    /// <remarks>
    /// The default 1e-6 is the value of Miyato et al. and their official code, and it is accurate in
    /// float64. In float32 it is not: the KL change at x + 1e-6 * d is below float32 rounding,
    /// so the direction is noise (mean cosine -0.01 to the exact direction on a small CNN, against
    /// 0.999 with Xi = 1e-2; see docs/benchmarks.md). For float32 inputs scaled to [0, 1], use Xi
    /// around 1e-2, or set <see cref="HessianVectorProduct"/> to
    /// <see cref="VatDsl.HessianVectorProduct.DoubleBackprop"/>, which needs no Xi, or train in
    /// float64. Much larger values bend the direction away from the top eigenvector of the Hessian.
    /// </remarks>
    public double Xi { get; init; } = DefaultXi;

    /// <summary>Number of power iterations Ip. Must be at least 1.</summary>
    public int PowerIterations { get; init; } = DefaultPowerIterations;

    /// <summary>Weight alpha of the LDS term in the total loss. Must be zero or positive.</summary>
    public double Alpha { get; init; } = DefaultAlpha;

    /// <summary>Weight of the conditional entropy of unlabeled predictions (VAT+EntMin); 0 turns it off.</summary>
    public double EntropyWeight { get; init; }

    /// <summary>
    /// Whether the clean, probe and adversarial forward passes of one step reuse the same dropout
    /// masks and noise, as in the official TensorFlow code. Defaults to true; false draws fresh
    /// randomness for every pass, so the LDS also measures the dropout noise.
    /// </summary>
    /// <remarks>
    /// The step saves and restores the state of TorchSharp's global CPU generator. Another thread
    /// that draws from that generator during the step changes the masks of the later passes.
    /// </remarks>
    public bool ShareRandomnessAcrossPasses { get; init; } = true;

    /// <summary>
    /// Normalization of the perturbation direction. Defaults to
    /// <see cref="DirectionNormalization.Stabilized"/>, the form of the official TensorFlow code.
    /// </summary>
    public DirectionNormalization Normalization { get; init; } = DirectionNormalization.Stabilized;

    /// <summary>
    /// The samples whose LDS a training step adds to the loss. Defaults to
    /// <see cref="VatDsl.RegularizedSamples.Unlabeled"/>.
    /// </summary>
    public RegularizedSamples RegularizedSamples { get; init; } = RegularizedSamples.Unlabeled;

    /// <summary>
    /// Virtual adversarial perturbations (the default) or random ones (RPT), which train through
    /// the same step for comparison.
    /// </summary>
    public PerturbationMethod Method { get; init; } = PerturbationMethod.VirtualAdversarial;

    /// <summary>
    /// How the power iteration computes Hessian-vector products. Defaults to
    /// <see cref="VatDsl.HessianVectorProduct.FiniteDifference"/>, the official method.
    /// </summary>
    public HessianVectorProduct HessianVectorProduct { get; init; } = HessianVectorProduct.FiniteDifference;

    /// <summary>Default of <see cref="ProbeWarningThreshold"/>.</summary>
    public const double DefaultProbeWarningThreshold = 0.1;

    /// <summary>
    /// Fraction of the probed input elements that x + xi * d may leave unchanged (through
    /// floating-point rounding) before a training step reports the probe as lost, in [0, 1].
    /// It also bounds the fraction of samples that may get a zero probe gradient.
    /// Defaults to <see cref="DefaultProbeWarningThreshold"/>.
    /// </summary>
    public double ProbeWarningThreshold { get; init; } = DefaultProbeWarningThreshold;

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid value and its valid range.
    /// </summary>
    public VatOptions Validate()
    {
        RequirePositiveFinite(Epsilon, nameof(Epsilon));
        RequirePositiveFinite(Xi, nameof(Xi));
        if (PowerIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PowerIterations), PowerIterations,
                $"VatOptions.PowerIterations is {PowerIterations}; it must be at least 1 (the official code uses 1).");
        }

        RequireNonNegativeFinite(Alpha, nameof(Alpha));
        RequireNonNegativeFinite(EntropyWeight, nameof(EntropyWeight));
        RequireDefined(Normalization, nameof(Normalization));
        RequireDefined(RegularizedSamples, nameof(RegularizedSamples));
        RequireDefined(Method, nameof(Method));
        RequireDefined(HessianVectorProduct, nameof(HessianVectorProduct));
        if (!(ProbeWarningThreshold >= 0 && ProbeWarningThreshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ProbeWarningThreshold), ProbeWarningThreshold,
                $"VatOptions.ProbeWarningThreshold is {ProbeWarningThreshold.ToString("R", CultureInfo.InvariantCulture)}; " +
                "it must be a fraction in [0, 1].");
        }

        return this;
    }

    private static void RequireDefined<TEnum>(TEnum value, string name)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value,
                $"VatOptions.{name} is {value}, which is not a {typeof(TEnum).Name} value; use one of " +
                $"{string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }

    private static void RequirePositiveFinite(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value,
                $"VatOptions.{name} is {value.ToString("R", CultureInfo.InvariantCulture)}; it must be a positive finite number.");
        }
    }

    private static void RequireNonNegativeFinite(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value,
                $"VatOptions.{name} is {value.ToString("R", CultureInfo.InvariantCulture)}; it must be zero or a positive finite number.");
        }
    }
}

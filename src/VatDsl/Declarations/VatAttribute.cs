using System;

namespace VatDsl;

/// <summary>
/// Declares a network's default Virtual Adversarial Training settings. Each value can be
/// overridden per call through <see cref="VatOptions"/>. Without this attribute the network
/// uses the defaults of <see cref="VatOptions"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class VatAttribute : Attribute
{
    /// <summary>Norm of the adversarial perturbation r_adv, in input units. Must be positive.</summary>
    public double Epsilon { get; set; } = VatOptions.DefaultEpsilon;

    /// <summary>Finite-difference step xi of the power iteration, in input units. Must be positive.</summary>
    /// <remarks>
    /// The default 1e-6 (the value of Miyato et al., TPAMI 2018, and their official code) is accurate in float64 but gives a noise direction in
    /// float32, because the KL change it probes is below float32 rounding. For a float32 network
    /// with inputs in [0, 1], declare <c>Xi = 1e-2</c>, or use exact Hessian-vector products
    /// (<see cref="VatOptions.HessianVectorProduct"/>), or float64. See <see cref="VatOptions.Xi"/>.
    /// </remarks>
    public double Xi { get; set; } = VatOptions.DefaultXi;

    /// <summary>Number of power iterations Ip. Must be at least 1.</summary>
    public int PowerIterations { get; set; } = VatOptions.DefaultPowerIterations;

    /// <summary>Weight of the LDS term in the total loss.</summary>
    public double Alpha { get; set; } = VatOptions.DefaultAlpha;

    /// <summary>Weight of the conditional entropy of unlabeled predictions (VAT+EntMin); 0 turns it off.</summary>
    public double EntropyWeight { get; set; }
}

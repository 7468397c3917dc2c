namespace VatDsl.Samples.TwoMoons.Model;

/// <summary>
/// VAT settings of the two-moons networks, in plane units (the moons span about 3 units
/// across, the gap between them is about 0.5 wide before noise). The sample README explains
/// the choice.
/// </summary>
public static class MoonsVatSettings
{
    /// <summary>Norm of r_adv: below half the gap, so an epsilon ball around a point stays on its own moon.</summary>
    public const double Epsilon = 0.3;

    /// <summary>
    /// Finite-difference step of the power iteration. The inputs are about 1 in size, so the
    /// default 1e-6 would be a few float32 ulps; 0.01 is still small next to epsilon.
    /// </summary>
    public const double Xi = 0.01;
}

namespace VatDsl.Samples.TwoMoons.Model;

/// <summary>
/// VAT settings of the two-moons networks, in plane units. The moons span about 3 units
/// across, and with noise std 0.1 the empty corridor between them is a few tenths wide. The
/// sample README shows the sweep behind these values.
/// </summary>
public static class MoonsVatSettings
{
    /// <summary>
    /// Norm of r_adv, equal to the default noise std: an epsilon ball around a point then stays
    /// inside its own moon's cloud instead of reaching across the corridor.
    /// </summary>
    public const double Epsilon = 0.1;

    /// <summary>
    /// Finite-difference step of the power iteration: a tenth of epsilon. The inputs are about 1
    /// in size, so the default 1e-6 is only a few float32 ulps.
    /// </summary>
    public const double Xi = 0.01;
}

namespace VatDsl;

/// <summary>How the perturbation r whose KL divergence forms the LDS is chosen.</summary>
public enum PerturbationMethod
{
    /// <summary>
    /// Virtual adversarial training: r_adv = epsilon * the direction found by power iteration,
    /// the direction in which the prediction changes most.
    /// </summary>
    VirtualAdversarial,

    /// <summary>
    /// Random perturbation training (RPT), the baseline of Miyato et al., TPAMI 2018:
    /// r = epsilon * normalize(d) with d ~ N(0, I). Xi and PowerIterations are not used.
    /// </summary>
    RandomPerturbation,
}

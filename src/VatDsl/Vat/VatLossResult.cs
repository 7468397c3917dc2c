using System.Collections.Generic;
using static TorchSharp.torch;

namespace VatDsl;

/// <summary>
/// The LDS of one batch and the intermediate values of its power iteration. The tensors belong
/// to the dispose scope that was current when the loss was computed.
/// </summary>
public sealed class VatLossResult
{
    internal VatLossResult(Tensor lds, Tensor ldsPerSample, Tensor adversarialPerturbation, Tensor cleanLogits,
        Tensor cleanLogProbabilities, Tensor conditionalEntropy, IReadOnlyList<Tensor> directions,
        IReadOnlyList<Tensor> probeGradients, IReadOnlyList<Tensor> probeDivergences, ProbeDiagnostics probeDiagnostics)
    {
        Lds = lds;
        LdsPerSample = ldsPerSample;
        AdversarialPerturbation = adversarialPerturbation;
        CleanLogits = cleanLogits;
        CleanLogProbabilities = cleanLogProbabilities;
        ConditionalEntropy = conditionalEntropy;
        Directions = directions;
        ProbeGradients = probeGradients;
        ProbeDivergences = probeDivergences;
        ProbeDiagnostics = probeDiagnostics;
    }

    /// <summary>
    /// Batch mean of KL(p(y|x) || p(y|x + r_adv)), a scalar. Its gradient reaches the parameters
    /// through the adversarial pass only: p and r_adv are constants.
    /// </summary>
    public Tensor Lds { get; }

    /// <summary>KL(p(y|x) || p(y|x + r_adv)) of each sample, shape (batch), with the same gradient path as <see cref="Lds"/>.</summary>
    public Tensor LdsPerSample { get; }

    /// <summary>r_adv = epsilon * d[Ip], with the shape of the input and no gradient.</summary>
    public Tensor AdversarialPerturbation { get; }

    /// <summary>
    /// Logits f(x) of the clean batch. They carry a gradient only when
    /// <see cref="VatOptions.EntropyWeight"/> is positive, because only the entropy term needs one.
    /// </summary>
    public Tensor CleanLogits { get; }

    /// <summary>log p = log_softmax(f(x)), shape (batch, classes), held constant.</summary>
    public Tensor CleanLogProbabilities { get; }

    /// <summary>
    /// Conditional entropy -mean_b sum_k p_bk log p_bk of the clean predictions, a scalar, with a
    /// gradient exactly when <see cref="CleanLogits"/> has one.
    /// </summary>
    public Tensor ConditionalEntropy { get; }

    /// <summary>
    /// Normalized directions d[0] (from the initial Gaussian draw) to d[Ip], without gradient.
    /// Random perturbation training has d[0] only.
    /// </summary>
    public IReadOnlyList<Tensor> Directions { get; }

    /// <summary>
    /// Gradients grad[i] = dD/dr at r = xi * d[i], for i = 0..Ip-1, without gradient. With
    /// <see cref="HessianVectorProduct.DoubleBackprop"/> they are the exact products H d[i].
    /// </summary>
    public IReadOnlyList<Tensor> ProbeGradients { get; }

    /// <summary>
    /// D(xi * d[i]), the batch-mean KL at each probe point, for i = 0..Ip-1, without gradient;
    /// D(0) with <see cref="HessianVectorProduct.DoubleBackprop"/>.
    /// </summary>
    public IReadOnlyList<Tensor> ProbeDivergences { get; }

    /// <summary>Signs that float rounding swallowed the finite-difference probe.</summary>
    public ProbeDiagnostics ProbeDiagnostics { get; }
}

using static TorchSharp.torch;

namespace VatDsl;

/// <summary>
/// The terms of the VAT objective for one labeled and one unlabeled batch, as scalar tensors with
/// gradients. They belong to the dispose scope that was current when they were computed.
/// </summary>
public sealed class VatLossTerms
{
    internal VatLossTerms(Tensor crossEntropy, Tensor total, VatLossResult vat)
    {
        CrossEntropy = crossEntropy;
        Total = total;
        Vat = vat;
    }

    /// <summary>Mean cross-entropy of the labeled batch.</summary>
    public Tensor CrossEntropy { get; }

    /// <summary>Mean LDS of the regularized batch; the same tensor as <c>Vat.Lds</c>.</summary>
    public Tensor Lds => Vat.Lds;

    /// <summary>Conditional entropy of the clean predictions on the regularized batch; the same tensor as <c>Vat.ConditionalEntropy</c>.</summary>
    public Tensor ConditionalEntropy => Vat.ConditionalEntropy;

    /// <summary>CrossEntropy + Alpha * Lds + EntropyWeight * ConditionalEntropy, the loss the step minimizes.</summary>
    public Tensor Total { get; }

    /// <summary>The VAT loss with its power-iteration details.</summary>
    public VatLossResult Vat { get; }
}

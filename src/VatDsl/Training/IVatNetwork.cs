using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace VatDsl;

/// <summary>
/// A network compiled from a <see cref="NetworkAttribute"/> declaration. The generator implements
/// it on every network, so programs can choose a network at run time.
/// </summary>
/// <remarks>
/// The generated class also has <c>InputShape</c>, <c>ClassCount</c>, <c>DefaultVatOptions</c>
/// and <c>Summary</c> as static members. C# reaches those only through the type name
/// (<c>FashionCnn.Summary</c>); through an instance, use this interface
/// (<c>((IVatNetwork)network).Summary</c>).
/// </remarks>
public interface IVatNetwork
{
    /// <summary>Input shape without the batch dimension.</summary>
    IReadOnlyList<long> InputShape { get; }

    /// <summary>Number of classes the network predicts.</summary>
    int ClassCount { get; }

    /// <summary>VAT settings declared on the network with <see cref="VatAttribute"/>.</summary>
    VatOptions DefaultVatOptions { get; }

    /// <summary>Output shape and parameter count of every layer, computed at compile time.</summary>
    NetworkSummary Summary { get; }

    /// <summary>
    /// Runs one VAT-regularized optimizer step: cross-entropy on the labeled batch plus
    /// alpha times the LDS on the unlabeled batch.
    /// </summary>
    /// <param name="labeledX">Labeled inputs, shape (batch, InputShape...).</param>
    /// <param name="labels">Class indices, a 1-D int64 tensor with one entry per labeled input.</param>
    /// <param name="unlabeledX">Unlabeled inputs, shape (batch, InputShape...).</param>
    /// <param name="optimizer">Optimizer over this network's parameters.</param>
    /// <param name="options">
    /// VAT settings for this step. Null uses <see cref="DefaultVatOptions"/>. A non-null value
    /// replaces <see cref="DefaultVatOptions"/> entirely, so start from
    /// <c>network.DefaultVatOptions with { ... }</c> to keep the values declared in <see cref="VatAttribute"/>.
    /// </param>
    VatStepResult TrainStep(Tensor labeledX, Tensor labels, Tensor unlabeledX, optim.Optimizer optimizer, VatOptions? options = null);

    /// <summary>Runs one optimizer step on the cross-entropy of the labeled batch alone (the baseline).</summary>
    VatStepResult SupervisedStep(Tensor labeledX, Tensor labels, optim.Optimizer optimizer);

    /// <summary>Returns the logits, shape (batch, ClassCount), computed in evaluation mode without gradients.</summary>
    /// <remarks>Puts back the training flag of every layer afterwards, so training can go on.</remarks>
    Tensor Predict(Tensor x);

    /// <summary>Returns the fraction of samples whose predicted class equals the label, in evaluation mode.</summary>
    double Evaluate(Tensor x, Tensor labels, int batchSize = 1000);
}

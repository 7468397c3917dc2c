using System;
using TorchSharp;
using static TorchSharp.torch;

namespace VatDsl;

/// <summary>
/// Training steps shared by every generated network. Generated <c>TrainStep</c>,
/// <c>SupervisedStep</c> and <c>Evaluate</c> methods check shapes against the declaration and
/// then call these.
/// </summary>
public static class VatTraining
{
    /// <summary>
    /// Runs one optimizer step on cross-entropy(labeledX, labels) + alpha * LDS(unlabeledX).
    /// Every tensor it creates is freed before it returns.
    /// </summary>
    public static VatStepResult Step(nn.Module<Tensor, Tensor> model, Tensor labeledX, Tensor labels,
        Tensor unlabeledX, optim.Optimizer optimizer, VatOptions options)
    {
        throw new NotImplementedException("VAT training step: being implemented.");
    }

    /// <summary>Runs one optimizer step on the labeled cross-entropy alone.</summary>
    public static VatStepResult SupervisedStep(nn.Module<Tensor, Tensor> model, Tensor labeledX, Tensor labels,
        optim.Optimizer optimizer)
    {
        throw new NotImplementedException("Supervised training step: being implemented.");
    }

    /// <summary>Returns the accuracy of <paramref name="model"/> on (x, labels), evaluated in batches in evaluation mode.</summary>
    public static double Evaluate(nn.Module<Tensor, Tensor> model, Tensor x, Tensor labels, int batchSize = 1000)
    {
        throw new NotImplementedException("Evaluation: being implemented.");
    }
}

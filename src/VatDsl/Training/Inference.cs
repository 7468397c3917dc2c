using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace VatDsl;

/// <summary>Predictions of a trained network, for use after training.</summary>
public static class Inference
{
    /// <summary>
    /// Returns the logits of <paramref name="model"/> for the batch <paramref name="x"/>, computed
    /// in evaluation mode (Dropout and GaussianNoise off, BatchNorm on its running statistics)
    /// without gradients.
    /// </summary>
    /// <remarks>
    /// Puts back the training flag of the model and of every submodule afterwards, even when the
    /// forward pass throws. The logits belong to the caller's <c>torch.NewDisposeScope()</c>, if any.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// <paramref name="x"/> is not a float32 or float64 batch, or its dtype or device differs from the model's parameters.
    /// </exception>
    public static Tensor Predict(nn.Module<Tensor, Tensor> model, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(model);
        TrainingInputGuard.EnsureFloatingBatch(x, nameof(x));
        TrainingInputGuard.EnsureMatchesParameters(model, x, nameof(x));

        // modules() leaves out the root in TorchSharp 0.107, and train() is recursive, so the
        // flags are restored root first, then in the pre-order that modules() returns.
        var flags = new[] { (Module: (nn.Module)model, model.training) }
            .Concat(model.modules().Select(module => (Module: module, module.training)))
            .ToList();
        try
        {
            model.eval();
            using var noGrad = no_grad();
            return model.call(x);
        }
        finally
        {
            foreach (var (module, training) in flags)
            {
                module.train(training);
            }
        }
    }
}

using System;
using TorchSharp;
using static TorchSharp.torch;

namespace VatDsl.Samples.TwoMoons.Model;

/// <summary>
/// A generated network seen both as a VAT network (training steps, accuracy) and as a
/// TorchSharp module (parameters, forward pass).
/// </summary>
public sealed class MoonsClassifier : IDisposable
{
    /// <summary>Wraps a generated network, which is always both a module and an <see cref="IVatNetwork"/>.</summary>
    public MoonsClassifier(nn.Module<Tensor, Tensor> module)
    {
        ArgumentNullException.ThrowIfNull(module);
        Module = module;
        Network = module as IVatNetwork ?? throw new ArgumentException(
            $"{module.GetType().Name} is not a generated VatDsl network; declare it with [Network(...)].", nameof(module));
    }

    /// <summary>The network's TorchSharp module.</summary>
    public nn.Module<Tensor, Tensor> Module { get; }

    /// <summary>The network's VAT training surface.</summary>
    public IVatNetwork Network { get; }

    /// <summary>Input dimension count of the network.</summary>
    public int Dimensions => checked((int)Network.InputShape[0]);

    /// <summary>
    /// Returns p(class 1 | x) for each row of the row-major (count x <see cref="Dimensions"/>)
    /// inputs, computed in evaluation mode without gradients.
    /// </summary>
    public float[] PredictClassOne(float[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Length == 0 || features.Length % Dimensions != 0)
        {
            throw new ArgumentException(
                $"{features.Length} values do not form rows of {Dimensions} inputs; pass (count x {Dimensions}) values row-major.",
                nameof(features));
        }

        bool wasTraining = Module.training;
        Module.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            Tensor x = tensor(features, [features.Length / Dimensions, Dimensions]);
            Tensor probabilities = nn.functional.softmax(Module.call(x), dim: 1);
            return probabilities[.., 1].contiguous().data<float>().ToArray();
        }
        finally
        {
            Module.train(wasTraining);
        }
    }

    /// <summary>Frees the network's parameters.</summary>
    public void Dispose() => Module.Dispose();
}

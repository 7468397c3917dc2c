using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace VatDsl;

/// <summary>Checks tensors passed to a generated network against its declared input shape.</summary>
public static class InputShapeGuard
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless <paramref name="batch"/> has shape
    /// (N, <paramref name="inputShape"/>...) with N at least 1.
    /// </summary>
    public static void EnsureBatch(Tensor batch, IReadOnlyList<long> inputShape, string parameterName, string networkName)
    {
        ArgumentNullException.ThrowIfNull(batch, parameterName);
        long[] actual = batch.shape;
        bool matches = actual.Length == inputShape.Count + 1 && actual[0] >= 1;
        for (int i = 0; matches && i < inputShape.Count; i++)
        {
            matches = actual[i + 1] == inputShape[i];
        }

        if (!matches)
        {
            throw new ArgumentException(
                $"{networkName}: {parameterName} has shape ({string.Join(", ", actual)}), but the network " +
                $"expects (batch, {string.Join(", ", inputShape)}). Reshape the input to the declared " +
                "[Network(...)] shape, or change the declaration.",
                parameterName);
        }
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless <paramref name="labels"/> is a 1-D integer
    /// tensor with one label per sample of <paramref name="batch"/>.
    /// </summary>
    public static void EnsureLabels(Tensor labels, Tensor batch, string networkName)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.ndim != 1 || labels.shape[0] != batch.shape[0])
        {
            throw new ArgumentException(
                $"{networkName}: labels has shape ({string.Join(", ", labels.shape)}), but the batch has " +
                $"{batch.shape[0]} samples. Pass one class index per sample as a 1-D int64 tensor.",
                nameof(labels));
        }

        if (labels.dtype != ScalarType.Int64)
        {
            throw new ArgumentException(
                $"{networkName}: labels has dtype {labels.dtype}; cross-entropy needs int64 class indices. " +
                "Convert with labels.to_type(ScalarType.Int64).",
                nameof(labels));
        }
    }
}

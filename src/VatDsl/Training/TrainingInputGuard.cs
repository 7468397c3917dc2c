using System;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VatDsl;

/// <summary>Run-time checks of the tensors passed to the training steps and the VAT loss.</summary>
internal static class TrainingInputGuard
{
    /// <summary>Requires a float32 or float64 tensor with a batch dimension of at least 1 and at least one more dimension.</summary>
    public static void EnsureFloatingBatch(Tensor? batch, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(batch, parameterName);
        if (batch.dtype != ScalarType.Float32 && batch.dtype != ScalarType.Float64)
        {
            throw new ArgumentException(
                $"{parameterName} has dtype {batch.dtype}; the training steps take float32 or float64 inputs. " +
                "Convert with .to_type(ScalarType.Float32).",
                parameterName);
        }

        if (batch.ndim < 2 || batch.shape[0] < 1)
        {
            throw new ArgumentException(
                $"{parameterName} has shape ({string.Join(", ", batch.shape)}); it needs a batch dimension of at least " +
                "1 sample followed by the sample's own dimensions, for example (batch, features).",
                parameterName);
        }
    }

    /// <summary>Requires <paramref name="batch"/> to have the dtype and device of the model's parameters.</summary>
    public static void EnsureMatchesParameters(nn.Module model, Tensor batch, string parameterName)
    {
        Tensor? parameter = model.parameters().FirstOrDefault();
        if (parameter is null)
        {
            return;
        }

        if (parameter.dtype != batch.dtype || !SameDevice(parameter, batch))
        {
            throw new ArgumentException(
                $"{parameterName} is {batch.dtype} on {batch.device}, but the model's parameters are {parameter.dtype} on " +
                $"{parameter.device}. Convert the input with .to(ScalarType.{parameter.dtype}) or the model with " +
                $".to(ScalarType.{batch.dtype}).",
                parameterName);
        }
    }

    /// <summary>
    /// Rejects a batch of one sample when the model has a BatchNorm layer in training mode.
    /// PyTorch raises "Expected more than 1 value per channel when training" here, but LibTorch's
    /// C++ batch_norm, which TorchSharp 0.107 calls, silently outputs zeros (x minus its own mean).
    /// </summary>
    /// <remarks>
    /// NOTE: the check is on the batch size at the input. A BatchNorm2d layer with one sample and
    /// more than one spatial position would still have several values per channel, but it is
    /// rejected too, because statistics of a single sample are almost always an unintended last batch.
    /// </remarks>
    public static void EnsureBatchNormBatch(nn.Module model, Tensor batch, string parameterName)
    {
        if (batch.shape[0] != 1)
        {
            return;
        }

        string? layer = TrainingBatchNormName(model);
        if (layer is not null)
        {
            throw new ArgumentException(
                $"{parameterName} has a batch of 1 sample, but BatchNorm layer '{layer}' is in training mode and needs " +
                "more than one value per channel to compute batch statistics (with one sample it outputs zeros). " +
                "Use a batch size of at least 2, or drop the last incomplete batch.",
                parameterName);
        }
    }

    private static string? TrainingBatchNormName(nn.Module model)
    {
        if (model is BatchNorm root && root.training)
        {
            return model.GetName();
        }

        foreach (var (name, module) in model.named_modules())
        {
            if (module is BatchNorm && module.training)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Compares device type and index; TorchSharp's Device has reference equality.</summary>
    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless <paramref name="logits"/> has shape
    /// (<paramref name="batchSize"/>, classes) with at least one class.
    /// </summary>
    /// <param name="logits">Model output to check.</param>
    /// <param name="batchSize">Number of samples in the batch that produced <paramref name="logits"/>.</param>
    /// <param name="consumer">What needs the logits, for the message: "VAT", "training" or "evaluation".</param>
    public static void EnsureLogitsShape(Tensor logits, long batchSize, string consumer)
    {
        if (logits.ndim != 2 || logits.shape[0] != batchSize || logits.shape[1] < 1)
        {
            throw new ArgumentException(
                $"The model returned shape ({string.Join(", ", logits.shape)}) for a batch of {batchSize} samples; " +
                $"{consumer} needs logits of shape (batch, classes). End the network with a Linear layer after Flatten.");
        }
    }

    public static bool SameDevice(Tensor a, Tensor b) => a.device_type == b.device_type && a.device_index == b.device_index;

    /// <summary>Requires a 1-D int64 tensor with one label per sample.</summary>
    public static void EnsureLabels(Tensor? labels, long batchSize, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(labels, parameterName);
        if (labels.dtype != ScalarType.Int64)
        {
            throw new ArgumentException(
                $"{parameterName} has dtype {labels.dtype}; cross-entropy needs int64 class indices. " +
                "Convert with .to_type(ScalarType.Int64).",
                parameterName);
        }

        if (labels.ndim != 1 || labels.shape[0] != batchSize)
        {
            throw new ArgumentException(
                $"{parameterName} has shape ({string.Join(", ", labels.shape)}), but the batch has {batchSize} samples. " +
                "Pass one class index per sample as a 1-D int64 tensor.",
                parameterName);
        }
    }

    /// <summary>Requires every label to lie in [0, <paramref name="classCount"/>), checked with one min/max pass.</summary>
    public static void EnsureLabelRange(Tensor labels, long classCount, string parameterName)
    {
        using var noGrad = no_grad();
        var (min, max) = labels.aminmax();
        long smallest = min.item<long>();
        long largest = max.item<long>();
        if (smallest < 0 || largest >= classCount)
        {
            long offending = smallest < 0 ? smallest : largest;
            throw new ArgumentOutOfRangeException(parameterName, offending,
                $"{parameterName} contains class index {offending}, but the model predicts {classCount} classes, so labels " +
                $"must lie in [0, {classCount - 1}]. Remap the labels or change the number of classes.");
        }
    }
}

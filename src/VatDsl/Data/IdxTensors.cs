using System;
using static TorchSharp.torch;

namespace VatDsl.Data;

/// <summary>Converts IDX arrays to the tensors a network trains on.</summary>
public static class IdxTensors
{
    /// <summary>
    /// Creates a float32 tensor of shape (N, 1, rows, columns) from an image array of shape
    /// (N, rows, columns), with pixels scaled from 0..255 to [0, 1].
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="images"/> does not have 3 dimensions.</exception>
    public static Tensor ToImageTensor(IdxArray images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Shape.Count != 3)
        {
            throw new ArgumentException(
                $"{images.Source} has shape ({string.Join(", ", images.Shape)}); images need 3 dimensions (count, rows, columns).",
                nameof(images));
        }

        using Tensor bytes = tensor(images.Data, [images.Count, 1, images.Shape[1], images.Shape[2]]);
        using Tensor floats = bytes.to_type(ScalarType.Float32);
        return floats.div(255.0f);
    }

    /// <summary>Creates an int64 tensor of shape (N) from a label array of shape (N).</summary>
    /// <exception cref="ArgumentException"><paramref name="labels"/> does not have 1 dimension.</exception>
    public static Tensor ToLabelTensor(IdxArray labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Shape.Count != 1)
        {
            throw new ArgumentException(
                $"{labels.Source} has shape ({string.Join(", ", labels.Shape)}); labels need 1 dimension (count).",
                nameof(labels));
        }

        using Tensor bytes = tensor(labels.Data, [labels.Count]);
        return bytes.to_type(ScalarType.Int64);
    }
}

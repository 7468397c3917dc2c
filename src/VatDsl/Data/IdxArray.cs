using System;
using System.Collections.Generic;
using System.Linq;

namespace VatDsl.Data;

/// <summary>
/// Contents of an IDX file of unsigned bytes: the elements in row-major order and the
/// dimensions from the header. Dimension 0 counts the samples.
/// </summary>
public sealed class IdxArray
{
    /// <summary>Creates an array. <paramref name="data"/> must contain exactly the product of <paramref name="shape"/> bytes.</summary>
    public IdxArray(byte[] data, IReadOnlyList<int> shape, string source)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(source);
        if (shape.Count == 0 || shape.Any(d => d <= 0))
        {
            throw new ArgumentException(
                $"Shape ({string.Join(", ", shape)}) is invalid: an IDX array has at least one dimension and every dimension is positive.",
                nameof(shape));
        }

        long expected = shape.Aggregate(1L, (product, d) => product * d);
        if (data.LongLength != expected)
        {
            throw new ArgumentException(
                $"Data has {data.LongLength} bytes, but shape ({string.Join(", ", shape)}) needs {expected}.",
                nameof(data));
        }

        Data = data;
        Shape = shape.ToArray();
        Source = source;
    }

    /// <summary>Elements in row-major order.</summary>
    public byte[] Data { get; }

    /// <summary>Dimensions from the file header. Dimension 0 counts the samples.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>Path of the file the array was read from, used in error messages.</summary>
    public string Source { get; }

    /// <summary>Number of samples (dimension 0).</summary>
    public int Count => Shape[0];

    /// <summary>Number of bytes per sample: the product of every dimension after the first.</summary>
    public int SampleSize => Data.Length / Count;
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace VatDsl;

/// <summary>One row of a <see cref="NetworkSummary"/>: a layer with its output shape and parameter count.</summary>
public sealed class LayerSummary
{
    /// <summary>Creates a row.</summary>
    /// <param name="name">State_dict prefix of the layer, such as <c>"0"</c> or <c>"conv1"</c>.</param>
    /// <param name="kind">TorchSharp module type, such as <c>"Conv2d"</c> or <c>"BatchNorm1d"</c>.</param>
    /// <param name="outputShape">Output shape per sample, without the batch dimension.</param>
    /// <param name="parameterCount">Number of trainable parameters; running statistics are buffers and not counted.</param>
    public LayerSummary(string name, string kind, IReadOnlyList<long> outputShape, long parameterCount)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(outputShape);
        ArgumentOutOfRangeException.ThrowIfNegative(parameterCount);
        Name = name;
        Kind = kind;
        OutputShape = Array.AsReadOnly(outputShape.ToArray());
        ParameterCount = parameterCount;
    }

    /// <summary>State_dict prefix of the layer, such as <c>"0"</c> or <c>"conv1"</c>.</summary>
    public string Name { get; }

    /// <summary>TorchSharp module type, such as <c>"Conv2d"</c> or <c>"BatchNorm1d"</c>.</summary>
    public string Kind { get; }

    /// <summary>Output shape per sample, without the batch dimension.</summary>
    public IReadOnlyList<long> OutputShape { get; }

    /// <summary>Number of trainable parameters of the layer.</summary>
    public long ParameterCount { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Name} ({Kind}) -> {NetworkSummary.FormatShape(OutputShape)}, {ParameterCount} parameters";
}

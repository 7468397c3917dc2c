using System;
using System.Collections.Generic;

namespace VatDsl.Samples.TwoMoons.Model;

/// <summary>Chooses the declared network for an input dimension count.</summary>
public static class MoonsNetworks
{
    /// <summary>Input dimension counts that have a network declaration.</summary>
    public static IReadOnlyList<int> SupportedDimensions { get; } = [2, 100];

    /// <summary>
    /// Creates a freshly initialized classifier for <paramref name="dimensions"/> inputs, drawing
    /// its weights from the global TorchSharp generator.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No network is declared for that input size.</exception>
    public static MoonsClassifier Create(int dimensions) => dimensions switch
    {
        2 => new MoonsClassifier(new MoonsMlp()),
        100 => new MoonsClassifier(new MoonsMlp100()),
        _ => throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions,
            $"No network is declared for {dimensions} input dimensions; use one of {string.Join(", ", SupportedDimensions)}, " +
            "or add a [Network(...)] declaration for that size."),
    };
}

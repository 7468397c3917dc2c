namespace VatDsl.Generators.Model;

/// <summary>
/// A checked layer, ready to emit: its module type, names, shapes and the arguments of its
/// TorchSharp factory.
/// </summary>
/// <param name="Kind">Attribute the layer was declared with.</param>
/// <param name="ModuleType">TorchSharp module type name, such as <c>Conv2d</c> or <c>BatchNorm1d</c>.</param>
/// <param name="ModuleName">State_dict prefix: the declared name, or the position as in <c>nn.Sequential</c>.</param>
/// <param name="FieldName">Name of the generated field that references the module.</param>
/// <param name="PropertyName">Name of the public property for a named layer; null for an unnamed one.</param>
/// <param name="InputShape">Input shape per sample, without the batch dimension.</param>
/// <param name="OutputShape">Output shape per sample, without the batch dimension.</param>
/// <param name="ParameterCount">Number of trainable parameters.</param>
/// <param name="Arguments">Factory arguments; the concrete type depends on <paramref name="Kind"/>.</param>
internal sealed record LayerSpec(
    LayerKind Kind,
    string ModuleType,
    string ModuleName,
    string FieldName,
    string? PropertyName,
    EquatableArray<long> InputShape,
    EquatableArray<long> OutputShape,
    long ParameterCount,
    LayerArguments Arguments);

/// <summary>Checked factory arguments of a layer.</summary>
internal abstract record LayerArguments;

/// <summary>Arguments of a layer whose factory takes none (activations without settings, Flatten, GlobalAvgPool).</summary>
internal sealed record NoArguments : LayerArguments
{
    public static NoArguments Instance { get; } = new();
}

internal sealed record LinearArguments(long InFeatures, long OutFeatures, bool Bias) : LayerArguments;

internal sealed record Conv2dArguments(long InChannels, long OutChannels, long Kernel, long Stride, long Padding, bool Bias) : LayerArguments;

internal sealed record BatchNormArguments(long Features, double Momentum, double Epsilon) : LayerArguments;

/// <summary>Arguments of MaxPool2d and AvgPool2d; <see cref="Stride"/> is already resolved (never 0).</summary>
internal sealed record PoolArguments(long Kernel, long Stride, long Padding) : LayerArguments;

/// <summary>One real-valued argument: the LeakyReLU slope, dropout probability, noise std or ELU alpha.</summary>
internal sealed record ScalarArguments(double Value) : LayerArguments;

internal sealed record SoftplusArguments(double Beta, double Threshold) : LayerArguments;

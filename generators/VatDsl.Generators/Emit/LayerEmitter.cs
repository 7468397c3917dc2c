using System;
using VatDsl.Generators.Model;

namespace VatDsl.Generators.Emit;

/// <summary>TorchSharp module type, factory call and one-line description of each layer.</summary>
internal static class LayerEmitter
{
    private const string TorchModules = "global::TorchSharp.Modules.";
    private const string TorchFactory = "global::TorchSharp.torch.nn.";
    private const string VatDslLayers = "global::VatDsl.Layers.";

    public static string FieldType(LayerSpec layer) => layer.Kind switch
    {
        LayerKind.GaussianNoise or LayerKind.GlobalAvgPool => VatDslLayers + layer.ModuleType,
        _ => TorchModules + layer.ModuleType,
    };

    /// <summary>Factory call with the TorchSharp 0.107 parameter names, every argument written out.</summary>
    public static string Factory(LayerSpec layer) => layer.Arguments switch
    {
        LinearArguments a => $"{TorchFactory}Linear({Literals.Long(a.InFeatures)}, {Literals.Long(a.OutFeatures)}, hasBias: {Literals.Bool(a.Bias)})",
        Conv2dArguments a => $"{TorchFactory}Conv2d({Literals.Long(a.InChannels)}, {Literals.Long(a.OutChannels)}, {Literals.Long(a.Kernel)}, " +
            $"stride: {Literals.Long(a.Stride)}, padding: {Literals.Long(a.Padding)}, bias: {Literals.Bool(a.Bias)})",
        BatchNormArguments a => $"{TorchFactory}{layer.ModuleType}({Literals.Long(a.Features)}, eps: {Literals.Double(a.Epsilon)}, momentum: {Literals.Double(a.Momentum)})",
        PoolArguments a => $"{TorchFactory}{layer.ModuleType}({Literals.Long(a.Kernel)}, stride: {Literals.Long(a.Stride)}, padding: {Literals.Long(a.Padding)})",
        SoftplusArguments a => $"{TorchFactory}Softplus(beta: {Literals.Double(a.Beta)}, threshold: {Literals.Double(a.Threshold)})",
        ScalarArguments a => layer.Kind switch
        {
            LayerKind.LeakyReLU => $"{TorchFactory}LeakyReLU(negative_slope: {Literals.Double(a.Value)})",
            LayerKind.ELU => $"{TorchFactory}ELU(alpha: {Literals.Double(a.Value)})",
            LayerKind.Dropout => $"{TorchFactory}Dropout(p: {Literals.Double(a.Value)})",
            LayerKind.GaussianNoise => $"new {VatDslLayers}GaussianNoise({Literals.Double(a.Value)})",
            _ => throw new InvalidOperationException($"{layer.Kind} takes no scalar argument."),
        },
        NoArguments => layer.Kind switch
        {
            LayerKind.GlobalAvgPool => $"new {VatDslLayers}GlobalAvgPool()",
            _ => $"{TorchFactory}{layer.ModuleType}()",
        },
        _ => throw new InvalidOperationException($"Unknown arguments for {layer.Kind}."),
    };

    /// <summary>Short description for comments and docs, such as "Conv2d(1 -> 32, kernel 3, stride 1, padding 1)".</summary>
    public static string Describe(LayerSpec layer) => layer.Arguments switch
    {
        LinearArguments a => $"Linear({Number(a.InFeatures)} -> {Number(a.OutFeatures)}{(a.Bias ? string.Empty : ", no bias")})",
        Conv2dArguments a => $"Conv2d({Number(a.InChannels)} -> {Number(a.OutChannels)}, kernel {Number(a.Kernel)}, " +
            $"stride {Number(a.Stride)}, padding {Number(a.Padding)}{(a.Bias ? string.Empty : ", no bias")})",
        BatchNormArguments a => $"{layer.ModuleType}({Number(a.Features)}, momentum {Literals.Double(a.Momentum)}, eps {Literals.Double(a.Epsilon)})",
        PoolArguments a => $"{layer.ModuleType}(kernel {Number(a.Kernel)}, stride {Number(a.Stride)}, padding {Number(a.Padding)})",
        SoftplusArguments a => $"Softplus(beta {Literals.Double(a.Beta)}, threshold {Literals.Double(a.Threshold)})",
        ScalarArguments a => layer.Kind switch
        {
            LayerKind.LeakyReLU => $"LeakyReLU(negative slope {Literals.Double(a.Value)})",
            LayerKind.ELU => $"ELU(alpha {Literals.Double(a.Value)})",
            LayerKind.Dropout => $"Dropout(p {Literals.Double(a.Value)})",
            LayerKind.GaussianNoise => $"GaussianNoise(std {Literals.Double(a.Value)})",
            _ => layer.ModuleType,
        },
        _ => layer.ModuleType,
    };

    private static string Number(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

using System.Collections.Generic;
using VatDsl.Generators.Model;

namespace VatDsl.Generators.Parsing;

/// <summary>Metadata names of the VatDsl and TorchSharp types the generator reads or emits.</summary>
internal static class KnownTypes
{
    public const string NetworkAttribute = "VatDsl.NetworkAttribute";
    public const string VatAttribute = "VatDsl.VatAttribute";
    public const string LayerAttribute = "VatDsl.LayerAttribute";
    public const string TorchModule = "TorchSharp.torch+nn+Module`2";
    public const string TorchTensor = "TorchSharp.torch+Tensor";

    /// <summary>Layer attribute classes by metadata name.</summary>
    public static readonly IReadOnlyDictionary<string, LayerKind> LayerAttributes = new Dictionary<string, LayerKind>
    {
        ["VatDsl.LinearAttribute"] = LayerKind.Linear,
        ["VatDsl.Conv2dAttribute"] = LayerKind.Conv2d,
        ["VatDsl.BatchNormAttribute"] = LayerKind.BatchNorm,
        ["VatDsl.ReLUAttribute"] = LayerKind.ReLU,
        ["VatDsl.LeakyReLUAttribute"] = LayerKind.LeakyReLU,
        ["VatDsl.TanhAttribute"] = LayerKind.Tanh,
        ["VatDsl.SigmoidAttribute"] = LayerKind.Sigmoid,
        ["VatDsl.GELUAttribute"] = LayerKind.GELU,
        ["VatDsl.SoftplusAttribute"] = LayerKind.Softplus,
        ["VatDsl.ELUAttribute"] = LayerKind.ELU,
        ["VatDsl.DropoutAttribute"] = LayerKind.Dropout,
        ["VatDsl.GaussianNoiseAttribute"] = LayerKind.GaussianNoise,
        ["VatDsl.MaxPool2dAttribute"] = LayerKind.MaxPool2d,
        ["VatDsl.AvgPool2dAttribute"] = LayerKind.AvgPool2d,
        ["VatDsl.GlobalAvgPoolAttribute"] = LayerKind.GlobalAvgPool,
        ["VatDsl.FlattenAttribute"] = LayerKind.Flatten,
    };

    /// <summary>
    /// Simple names a layer or [Vat] attribute can be written with, for the cheap syntax filter
    /// that finds these attributes on classes without [Network].
    /// </summary>
    public static readonly HashSet<string> DslAttributeSimpleNames = CreateSimpleNames();

    private static HashSet<string> CreateSimpleNames()
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (string metadataName in LayerAttributes.Keys)
        {
            AddWithAndWithoutSuffix(names, metadataName.Substring("VatDsl.".Length));
        }

        AddWithAndWithoutSuffix(names, "VatAttribute");
        return names;
    }

    private static void AddWithAndWithoutSuffix(HashSet<string> names, string typeName)
    {
        names.Add(typeName);
        names.Add(typeName.Substring(0, typeName.Length - "Attribute".Length));
    }
}

using System.Collections.Generic;

namespace VatDsl.Generators.Parsing;

/// <summary>Names of the members the generator adds to every network class, apart from the layer fields and properties.</summary>
internal static class GeneratedMembers
{
    public const string ClassCount = "ClassCount";
    public const string InputShape = "InputShape";
    public const string DefaultVatOptions = "DefaultVatOptions";
    public const string Summary = "Summary";
    public const string TrainStep = "TrainStep";
    public const string SupervisedStep = "SupervisedStep";
    public const string Predict = "Predict";
    public const string Evaluate = "Evaluate";
    public const string Forward = "forward";

    public static readonly IReadOnlyList<string> All = new[]
    {
        ClassCount, InputShape, DefaultVatOptions, Summary, TrainStep, SupervisedStep, Predict, Evaluate, Forward,
    };

    /// <summary>
    /// Field name of a layer: <c>_layer3</c>, or <c>_layer3_conv1</c> for a layer named conv1. The
    /// index makes every field unique whatever the names, and no member of TorchSharp's Module
    /// starts with <c>_layer</c>.
    /// </summary>
    public static string Field(int index, string? declaredName)
    {
        string field = "_layer" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return declaredName is null ? field : field + "_" + declaredName;
    }
}

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
    public const string Evaluate = "Evaluate";
    public const string Forward = "forward";

    public static readonly IReadOnlyList<string> All = new[]
    {
        ClassCount, InputShape, DefaultVatOptions, Summary, TrainStep, SupervisedStep, Evaluate, Forward,
    };

    /// <summary>Field name of an unnamed layer.</summary>
    public static string PositionalField(int index) => "_layer" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Field name of a named layer.</summary>
    public static string NamedField(string name) => "_" + name;
}

using System.Collections.Generic;
using System.Linq;

namespace VatDsl.Generators.Tests.Fuzzing;

/// <summary>One layer attribute of a generated declaration: its name, positional arguments and named arguments, as C# text.</summary>
internal sealed class FuzzLayer
{
    public FuzzLayer(string attribute, params string[] positional)
    {
        Attribute = attribute;
        Positional = positional.ToList();
    }

    public string Attribute { get; }

    public List<string> Positional { get; }

    public Dictionary<string, string> Named { get; } = new();

    /// <summary>True for layers that need a (channels, height, width) input.</summary>
    public bool IsSpatial => Attribute is "Conv2d" or "MaxPool2d" or "AvgPool2d";

    public FuzzLayer With(string property, string value)
    {
        Named[property] = value;
        return this;
    }

    public override string ToString()
    {
        var arguments = Positional.Concat(Named.Select(pair => $"{pair.Key} = {pair.Value}")).ToList();
        return arguments.Count == 0 ? Attribute : $"{Attribute}({string.Join(", ", arguments)})";
    }
}

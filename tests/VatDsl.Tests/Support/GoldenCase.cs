using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace VatDsl.Tests.Support;

/// <summary>One reference file from the Golden folder, with typed access to its arrays.</summary>
internal sealed class GoldenCase
{
    private GoldenCase(JsonElement root)
    {
        Root = root;
    }

    public JsonElement Root { get; }

    public JsonElement Inputs => Root.GetProperty("inputs");

    public static GoldenCase Load(string fileName)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Golden", fileName);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return new GoldenCase(document.RootElement.Clone());
    }

    public JsonElement Run(string name) =>
        Root.GetProperty("runs").EnumerateArray().Single(run => run.GetProperty("name").GetString() == name);

    /// <summary>Converts a nested JSON array (or a number) to a tensor of the given dtype.</summary>
    public static Tensor ToTensor(JsonElement array, ScalarType dtype)
    {
        var values = new List<double>();
        long[] shape = Flatten(array, values);
        return tensor(values.ToArray(), shape, ScalarType.Float64).to_type(dtype);
    }

    /// <summary>Returns the values of a nested JSON array in row-major order.</summary>
    public static double[] ToDoubles(JsonElement array)
    {
        var values = new List<double>();
        Flatten(array, values);
        return values.ToArray();
    }

    public static double ToDouble(JsonElement number) => ReadNumber(number);

    public static Tensor Labels(JsonElement labels) =>
        tensor(labels.EnumerateArray().Select(label => label.GetInt64()).ToArray(), ScalarType.Int64);

    /// <summary>Copies every state_dict array of the case into the parameter of the same name.</summary>
    public void LoadParameters(nn.Module model, ScalarType dtype)
    {
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var expected = Root.GetProperty("model").GetProperty("params");
        if (expected.EnumerateObject().Count() != parameters.Count)
        {
            throw new InvalidOperationException(
                $"The case has {expected.EnumerateObject().Count()} parameters, the model {parameters.Count}: " +
                string.Join(", ", parameters.Keys));
        }

        using var noGrad = no_grad();
        foreach (JsonProperty entry in expected.EnumerateObject())
        {
            using Tensor value = ToTensor(entry.Value, dtype);
            parameters[entry.Name].copy_(value);
        }
    }

    private static long[] Flatten(JsonElement element, List<double> values)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            values.Add(ReadNumber(element));
            return Array.Empty<long>();
        }

        long[]? inner = null;
        int count = 0;
        foreach (JsonElement item in element.EnumerateArray())
        {
            inner = Flatten(item, values);
            count++;
        }

        return new[] { (long)count }.Concat(inner ?? Array.Empty<long>()).ToArray();
    }

    private static double ReadNumber(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String => element.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var other => throw new FormatException($"Unexpected string '{other}' in a numeric array."),
        },
        _ => throw new FormatException($"Unexpected JSON {element.ValueKind} in a numeric array."),
    };
}

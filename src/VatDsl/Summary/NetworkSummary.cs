using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace VatDsl;

/// <summary>
/// Layer table of a generated network: output shapes and parameter counts, computed by the
/// source generator at compile time. <see cref="ToString"/> prints it as a Keras-style table.
/// </summary>
public sealed class NetworkSummary
{
    /// <summary>Creates a summary.</summary>
    /// <param name="networkName">Name of the network class.</param>
    /// <param name="inputShape">Input shape per sample, without the batch dimension.</param>
    /// <param name="layers">Layers in the order they run.</param>
    public NetworkSummary(string networkName, IReadOnlyList<long> inputShape, IReadOnlyList<LayerSummary> layers)
    {
        ArgumentNullException.ThrowIfNull(networkName);
        ArgumentNullException.ThrowIfNull(inputShape);
        ArgumentNullException.ThrowIfNull(layers);
        NetworkName = networkName;
        InputShape = Array.AsReadOnly(inputShape.ToArray());
        Layers = Array.AsReadOnly(layers.ToArray());
        TotalParameters = Layers.Sum(layer => layer.ParameterCount);
    }

    /// <summary>Name of the network class.</summary>
    public string NetworkName { get; }

    /// <summary>Input shape per sample, without the batch dimension.</summary>
    public IReadOnlyList<long> InputShape { get; }

    /// <summary>Layers in the order they run.</summary>
    public IReadOnlyList<LayerSummary> Layers { get; }

    /// <summary>Number of trainable parameters of the whole network.</summary>
    public long TotalParameters { get; }

    /// <summary>Formats the summary as a table with one row per layer and the parameter total.</summary>
    public override string ToString()
    {
        const string LayerHeader = "Layer (type)";
        const string ShapeHeader = "Output shape";
        const string ParametersHeader = "Param #";

        string[] layerCells = Layers.Select(layer => $"{layer.Name} ({layer.Kind})").ToArray();
        string[] shapeCells = Layers.Select(layer => FormatShape(layer.OutputShape)).ToArray();
        string[] parameterCells = Layers.Select(layer => FormatCount(layer.ParameterCount)).ToArray();

        int layerWidth = layerCells.Append(LayerHeader).Max(cell => cell.Length);
        int shapeWidth = shapeCells.Append(ShapeHeader).Max(cell => cell.Length);
        int parametersWidth = parameterCells.Append(ParametersHeader).Max(cell => cell.Length);
        int tableWidth = layerWidth + 2 + shapeWidth + 2 + parametersWidth;

        var table = new StringBuilder();
        table.Append("Network: ").Append(NetworkName).Append(", input ").AppendLine(FormatShape(InputShape));
        table.AppendLine(new string('=', tableWidth));
        AppendRow(table, LayerHeader, ShapeHeader, ParametersHeader, layerWidth, shapeWidth, parametersWidth);
        table.AppendLine(new string('-', tableWidth));
        for (int i = 0; i < Layers.Count; i++)
        {
            AppendRow(table, layerCells[i], shapeCells[i], parameterCells[i], layerWidth, shapeWidth, parametersWidth);
        }

        table.AppendLine(new string('=', tableWidth));
        table.Append("Total params: ").AppendLine(FormatCount(TotalParameters));
        return table.ToString();
    }

    internal static string FormatShape(IReadOnlyList<long> shape) =>
        "(" + string.Join(", ", shape.Select(size => size.ToString(CultureInfo.InvariantCulture))) + ")";

    private static string FormatCount(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static void AppendRow(StringBuilder table, string layer, string shape, string parameters,
        int layerWidth, int shapeWidth, int parametersWidth)
    {
        table.Append(layer.PadRight(layerWidth)).Append("  ")
            .Append(shape.PadRight(shapeWidth)).Append("  ")
            .AppendLine(parameters.PadLeft(parametersWidth));
    }
}

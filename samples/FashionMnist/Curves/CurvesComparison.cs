using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace VatDsl.Samples.FashionMnist.Curves;

/// <summary>Loads the curves of earlier runs for --compare, from their metrics JSON or their curves CSV.</summary>
internal static class CurvesComparison
{
    /// <summary>
    /// Returns one <see cref="RunCurves"/> per path. A metrics file names its run by method,
    /// network, labels and seed, and points to its curves through <c>curves_file</c>. A CSV
    /// file is named by its file name.
    /// </summary>
    /// <exception cref="InvalidDataException">A file cannot be read as metrics or curves. The message names it.</exception>
    public static IReadOnlyList<RunCurves> Load(IReadOnlyList<string> paths)
    {
        var runs = new List<RunCurves>(paths.Count);
        foreach (string path in paths)
        {
            runs.Add(path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? LoadMetrics(path) : LoadCsv(path));
        }

        return runs;
    }

    private static RunCurves LoadCsv(string path) =>
        new(Path.GetFileNameWithoutExtension(path), CurvesCsv.Read(path));

    private static RunCurves LoadMetrics(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            string? curves = root.TryGetProperty("curves_file", out JsonElement file) && file.ValueKind == JsonValueKind.String
                ? file.GetString()
                : null;
            if (curves is null)
            {
                throw new InvalidDataException(
                    $"{path} has no curves_file: that run was made without --curves. Pass its CSV file instead, or rerun it with --curves.");
            }

            // A relative curves path is relative to the metrics file, so a folder of results can move as a whole.
            string curvesPath = Path.IsPathRooted(curves) ? curves : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, curves);
            if (!File.Exists(curvesPath))
            {
                throw new InvalidDataException($"{path} names the curves file {curvesPath}, which was not found.");
            }

            return new RunCurves(DescribeRun(root, path), CurvesCsv.Read(curvesPath));
        }
    }

    private static string DescribeRun(JsonElement root, string path)
    {
        string method = Text(root, "method") ?? Path.GetFileNameWithoutExtension(path);
        string? network = Text(root, "network");
        string labels = root.TryGetProperty("labels", out JsonElement l) && l.ValueKind == JsonValueKind.Number
            ? l.GetInt32().ToString(CultureInfo.InvariantCulture) + " labels"
            : string.Empty;
        string seed = root.TryGetProperty("seed", out JsonElement s) && s.ValueKind == JsonValueKind.Number
            ? "seed " + s.GetInt32().ToString(CultureInfo.InvariantCulture)
            : string.Empty;
        return string.Join(", ", new[] { method, network, labels, seed }.Where(part => !string.IsNullOrEmpty(part)));
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

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
    // Settings that the legend adds, in this order, when runs share method, network, labels and seed. Each pairs a metrics key with its label.
    private static readonly (string Key, string Label)[] s_distinguishingSettings =
    [
        ("epsilon", "epsilon"), ("xi", "xi"), ("learning_rate", "lr"), ("steps", "steps"), ("lr_schedule", "lr schedule"),
    ];

    /// <summary>
    /// Returns one <see cref="RunCurves"/> per path. A metrics file names its run by method,
    /// network, labels and seed, and points to its curves through <c>curves_file</c>. When
    /// several runs share that name, the settings in which they differ (epsilon, xi, lr, steps,
    /// lr schedule) are added to it. A CSV file is named by its file name.
    /// </summary>
    /// <exception cref="FileNotFoundException">A file is missing or is a folder. The message names it.</exception>
    /// <exception cref="InvalidDataException">A file cannot be read as metrics or curves. The message names it.</exception>
    public static IReadOnlyList<RunCurves> Load(IReadOnlyList<string> paths)
    {
        var runs = new List<LoadedRun>(paths.Count);
        foreach (string path in paths)
        {
            CheckExists(path);
            runs.Add(path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? LoadMetrics(path) : LoadCsv(path));
        }

        return runs.Select(run => new RunCurves(Legend(run, runs), run.Points)).ToArray();
    }

    private static void CheckExists(string path)
    {
        if (Directory.Exists(path))
        {
            throw new FileNotFoundException(
                $"{path} is a folder. Pass the metrics file (.json) or the curves file (.csv) of a run inside it.", path);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: file not found.", path);
        }
    }

    private static string Legend(LoadedRun run, IReadOnlyList<LoadedRun> runs)
    {
        LoadedRun[] namesakes = runs.Where(other => other.Name == run.Name).ToArray();
        if (namesakes.Length < 2)
        {
            return run.Name;
        }

        var parts = new List<string> { run.Name };
        foreach ((string key, string label) in s_distinguishingSettings)
        {
            if (namesakes.Select(other => other.Settings.GetValueOrDefault(key)).Distinct().Count() > 1)
            {
                parts.Add($"{label} {run.Settings.GetValueOrDefault(key) ?? "none"}");
            }
        }

        return string.Join(", ", parts);
    }

    private static LoadedRun LoadCsv(string path) =>
        new(Path.GetFileNameWithoutExtension(path), new Dictionary<string, string>(), CurvesCsv.Read(path));

    private static LoadedRun LoadMetrics(string path)
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
                throw new InvalidDataException(
                    $"{path} names the curves file {curvesPath}, which was not found. If the CSV file moved, pass it to --compare in place of {path}.");
            }

            return new LoadedRun(DescribeRun(root, path), ReadSettings(root), CurvesCsv.Read(curvesPath));
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

    private static Dictionary<string, string> ReadSettings(JsonElement root)
    {
        var settings = new Dictionary<string, string>();
        foreach ((string key, _) in s_distinguishingSettings)
        {
            if (root.TryGetProperty(key, out JsonElement value) && value.ValueKind is JsonValueKind.Number or JsonValueKind.String)
            {
                settings[key] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
            }
        }

        return settings;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record LoadedRun(string Name, IReadOnlyDictionary<string, string> Settings, IReadOnlyList<CurvePoint> Points);
}

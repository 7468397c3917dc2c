using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using TorchSharp;
using VatDsl.Samples.TwoMoons.Data;
using VatDsl.Samples.TwoMoons.Model;
using VatDsl.Samples.TwoMoons.Plotting;
using VatDsl.Samples.TwoMoons.Training;

namespace VatDsl.Samples.TwoMoons;

/// <summary>
/// Trains a supervised-only network and a VAT network on the same two-moons data with the same
/// seed and steps, then writes their decision boundaries side by side and, if asked, the metrics.
/// </summary>
public static class TwoMoonsExperiment
{
    // The margin keeps points off the frame. The grid reaches past the view because equal axis
    // units widen the view in one direction, and cells of 0.02 plane units look smooth.
    private const double ViewMargin = 0.3;
    private const double GridOverhang = 1.5;
    private const double GridCellSize = 0.02;

    private static readonly JsonSerializerOptions MetricsJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Runs the experiment that <paramref name="options"/> describes, logging to <paramref name="log"/>.</summary>
    public static ExperimentMetrics Run(ExperimentOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var stopwatch = Stopwatch.StartNew();

        // With 2 or 100 inputs and batches of at most a thousand rows, splitting each matrix product over
        // threads costs more than it saves, and on a busy machine far more.
        torch.set_num_threads(options.Threads);

        var spec = new MoonsSpec(options.Labeled, options.Unlabeled, options.Test, options.Noise, options.Dimensions, options.Seed);
        MoonsDataset data = MoonsGenerator.Generate(spec);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Two moons: {spec.Labeled} labeled, {spec.Unlabeled} unlabeled and {spec.Test} test points, noise std {spec.Noise}, " +
            $"{DescribeDimensions(spec.Dimensions)}, seed {spec.Seed}."));

        var settings = new TrainingSettings(options.Steps, options.LearningRate, options.UnlabeledBatch, options.Seed, options.Epsilon, options.Xi);
        PlaneRect view = PlaneRect.Around([data.Labeled.Plane, data.Unlabeled.Plane], ViewMargin);
        PlaneGrid grid = PlaneGrid.Covering(view.Expand(GridOverhang), GridCellSize);
        float[] gridFeatures = data.Embedding.EmbedAll(grid.CellCenters());

        (TrainingResult supervised, float[] supervisedGrid) = TrainAndPredict(TrainingMethod.SupervisedOnly, data, settings, gridFeatures, log);
        (TrainingResult vat, float[] vatGrid) = TrainAndPredict(TrainingMethod.Vat, data, settings, gridFeatures, log);

        string outputPath = Path.GetFullPath(options.OutputPath);
        if (!DecisionBoundaryPlot.HasFonts)
        {
            log.WriteLine(
                "warning: no font was found, so the figure will have no titles, labels or numbers. " +
                "Install one, for example with 'apt-get install fonts-dejavu-core'.");
        }

        WriteOutput(outputPath, "figure", () => DecisionBoundaryPlot.Save(outputPath, data, view, grid,
        [
            new BoundaryPanel(Invariant($"Supervised only: test accuracy {supervised.TestAccuracy * 100:F1}%"), supervisedGrid),
            new BoundaryPanel(Invariant($"VAT (ε = {vat.Vat.Epsilon}): test accuracy {vat.TestAccuracy * 100:F1}%"), vatGrid),
        ]));
        log.WriteLine($"Wrote the figure to {outputPath}");

        var metrics = new ExperimentMetrics(
            options.Seed, options.Steps, spec.Labeled, spec.Unlabeled, spec.Test, spec.Noise, spec.Dimensions,
            options.LearningRate, options.UnlabeledBatch, options.Threads, vat.Vat,
            supervised.TestAccuracy, vat.TestAccuracy, supervised.Seconds, vat.Seconds,
            stopwatch.Elapsed.TotalSeconds);
        if (options.MetricsPath is not null)
        {
            string metricsPath = Path.GetFullPath(options.MetricsPath);
            WriteOutput(metricsPath, "metrics", () => File.WriteAllText(metricsPath, JsonSerializer.Serialize(metrics, MetricsJson) + Environment.NewLine));
            log.WriteLine($"Wrote the metrics to {metricsPath}");
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Test accuracy: supervised only {supervised.TestAccuracy * 100:F1}%, VAT {vat.TestAccuracy * 100:F1}%; " +
            $"{metrics.Seconds:F1} s in total."));
        return metrics;
    }

    private static (TrainingResult Result, float[] GridProbability) TrainAndPredict(
        TrainingMethod method, MoonsDataset data, TrainingSettings settings, float[] gridFeatures, TextWriter log)
    {
        log.WriteLine(Invariant($"Training {MoonsTrainer.MethodName(method)} for {settings.Steps} steps:"));
        (MoonsClassifier classifier, TrainingResult result) = MoonsTrainer.Train(method, data, settings, log);
        using (classifier)
        {
            log.WriteLine(Invariant($"  {result.Seconds:F1} s, test accuracy {result.TestAccuracy * 100:F1}%"));
            return (result, classifier.PredictClassOne(gridFeatures));
        }
    }

    // Adds the file and what it was for to the message, which otherwise names only the path.
    private static void WriteOutput(string path, string what, Action write)
    {
        try
        {
            write();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Could not write the {what} to {path}: {exception.Message}", exception);
        }
    }

    private static string DescribeDimensions(int dimensions) => dimensions == 2
        ? "in the plane (2 dimensions)"
        : Invariant($"embedded in {dimensions} dimensions by a random orthonormal projection");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System;
using System.Collections.Generic;
using System.Linq;
using ScottPlot;
using SkiaSharp;

namespace VatDsl.Samples.FashionMnist.Curves;

/// <summary>
/// Draws learning curves against step in two panels: validation and test accuracy above, the
/// cross-entropy and LDS below. One run gets a color per curve, and several runs get a color per
/// run, with the line style telling the curves apart.
/// </summary>
internal static class LearningCurvePlot
{
    /// <summary>Width of the saved PNG in pixels.</summary>
    public const int Width = 1200;

    /// <summary>Height of the saved PNG in pixels.</summary>
    public const int Height = 900;

    // On Debian, ScottPlot's own sans-serif choice is missing and it falls back to a serif font.
    private static readonly string FontName = ChooseFont();

    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    /// <summary>Renders <paramref name="runs"/> into a PNG file at <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">There are no runs, or a run has no points.</exception>
    public static void Save(string path, IReadOnlyList<RunCurves> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("No runs to plot. Pass at least one.", nameof(runs));
        }

        RunCurves? empty = runs.FirstOrDefault(run => run.Points.Count == 0);
        if (empty is not null)
        {
            throw new ArgumentException($"Run '{empty.Name}' has no curve points to plot.", nameof(runs));
        }

        var multiplot = new Multiplot();
        multiplot.RemovePlot(multiplot.GetPlot(0));
        multiplot.AddPlot(CreateAccuracyPanel(runs));
        multiplot.AddPlot(CreateLossPanel(runs));
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Rows();
        multiplot.SavePng(path, Width, Height);
    }

    private static Plot CreateAccuracyPanel(IReadOnlyList<RunCurves> runs)
    {
        // Accuracy rises as training goes, so the lower right corner is usually free for the legend.
        Plot plot = CreatePanel("Accuracy", "accuracy", Alignment.LowerRight);
        for (int run = 0; run < runs.Count; run++)
        {
            AddCurve(plot, runs, run, curve: 0, "validation accuracy", p => p.ValidationAccuracy, LinePattern.Solid, markers: false);
            AddCurve(plot, runs, run, curve: 1, "test accuracy", p => p.TestAccuracy, LinePattern.Dashed, markers: true);
        }

        return plot;
    }

    private static Plot CreateLossPanel(IReadOnlyList<RunCurves> runs)
    {
        Plot plot = CreatePanel("Losses (mean over each progress window)", "loss", Alignment.UpperRight);
        for (int run = 0; run < runs.Count; run++)
        {
            AddCurve(plot, runs, run, curve: 2, "CE", p => p.CrossEntropy, LinePattern.Solid, markers: false);

            // The supervised baseline has no LDS term, so a line of zeros would only crowd the legend.
            if (runs[run].Points.Any(p => p.Lds != 0))
            {
                AddCurve(plot, runs, run, curve: 3, "LDS", p => p.Lds, LinePattern.Dotted, markers: false);
            }
        }

        return plot;
    }

    private static Plot CreatePanel(string title, string yLabel, Alignment legendCorner)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, 16);
        plot.XLabel("step", 14);

        // Steps are whole numbers, and a short run would otherwise get ticks such as 9.5 and 10.5.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.YLabel(yLabel, 14);
        plot.ShowLegend(legendCorner);
        return plot;
    }

    private static void AddCurve(Plot plot, IReadOnlyList<RunCurves> runs, int run, int curve, string curveName,
        Func<CurvePoint, double?> value, LinePattern pattern, bool markers)
    {
        var measured = runs[run].Points.Where(p => value(p) is { } v && double.IsFinite(v)).ToArray();
        if (measured.Length == 0)
        {
            return;
        }

        double[] steps = measured.Select(p => (double)p.Step).ToArray();
        double[] values = measured.Select(p => value(p)!.Value).ToArray();
        var scatter = plot.Add.Scatter(steps, values);
        scatter.Color = Palette.GetColor(runs.Count == 1 ? curve : run);
        scatter.LinePattern = pattern;
        scatter.LineWidth = 2;
        scatter.MarkerSize = markers ? 7 : 0;
        scatter.LegendText = runs.Count == 1 ? curveName : $"{runs[run].Name}: {curveName}";
    }

    private static string ChooseFont()
    {
        using SKTypeface? dejaVuSans = SKFontManager.Default.MatchFamily("DejaVu Sans");
        return dejaVuSans is null ? Fonts.Sans : "DejaVu Sans";
    }
}

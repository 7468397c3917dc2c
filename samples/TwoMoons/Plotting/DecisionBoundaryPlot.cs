using System;
using System.Collections.Generic;
using ScottPlot;
using SkiaSharp;
using VatDsl.Samples.TwoMoons.Data;

namespace VatDsl.Samples.TwoMoons.Plotting;

/// <summary>
/// Draws decision boundaries side by side: p(class 1) as a heatmap, the 0.5 level as a
/// line, the unlabeled points small and grey, the labeled points large and colored by class.
/// </summary>
public static class DecisionBoundaryPlot
{
    /// <summary>Width of the saved PNG in pixels.</summary>
    public const int Width = 1600;

    /// <summary>Height of the saved PNG in pixels.</summary>
    public const int Height = 600;

    // Class 0 is blue and class 1 red, in the points and in the heatmap. The heatmap uses
    // light tints, so the grey unlabeled points stay visible on both sides of the boundary.
    private static readonly Color ClassZeroColor = new(33, 102, 172);
    private static readonly Color ClassOneColor = new(178, 24, 43);
    private static readonly Color UnlabeledColor = new(70, 70, 70);
    // On Debian, ScottPlot's own sans-serif choice is missing and it falls back to a serif font.
    private static readonly string FontName = ChooseFont();

    private static readonly IColormap ProbabilityColormap = new ScottPlot.Colormaps.CustomInterpolated(
    [
        new Color(146, 197, 222),
        new Color(247, 247, 247),
        new Color(244, 165, 130),
    ]);

    /// <summary>
    /// Whether SkiaSharp finds any font on this machine. Without one, ScottPlot still writes the
    /// PNG, but with no titles, labels or tick numbers.
    /// </summary>
    public static bool HasFonts => SKTypeface.Default.GlyphCount > 0;

    /// <summary>
    /// Renders one panel per entry of <paramref name="panels"/>, left to right, into a PNG at
    /// <paramref name="path"/>. Each panel shows at least <paramref name="view"/>. The grid
    /// should extend past it, because equal axis units widen one side of the view.
    /// </summary>
    public static void Save(string path, MoonsDataset data, PlaneRect view, PlaneGrid grid, IReadOnlyList<BoundaryPanel> panels)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(panels);

        var multiplot = new Multiplot();
        multiplot.RemovePlot(multiplot.GetPlot(0));
        foreach (BoundaryPanel panel in panels)
        {
            multiplot.AddPlot(CreatePanel(data, view, grid, panel));
        }

        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        multiplot.SavePng(path, Width, Height);
    }

    private static string ChooseFont()
    {
        using SKTypeface? dejaVuSans = SKFontManager.Default.MatchFamily("DejaVu Sans");
        return dejaVuSans is null ? Fonts.Sans : "DejaVu Sans";
    }

    private static Plot CreatePanel(MoonsDataset data, PlaneRect view, PlaneGrid grid, BoundaryPanel panel)
    {
        if (panel.ClassOneProbability.Length != grid.Count)
        {
            throw new ArgumentException(
                $"Panel '{panel.Title}' has {panel.ClassOneProbability.Length} probabilities, but the grid has {grid.Count} cells.",
                nameof(panel));
        }

        var plot = new Plot();
        plot.Font.Set(FontName);
        AddProbability(plot, grid, panel.ClassOneProbability);
        AddBoundary(plot, grid, panel.ClassOneProbability);
        AddPoints(plot, data);

        plot.Title(panel.Title, 18);
        plot.XLabel("x1", 14);
        plot.YLabel("x2", 14);
        plot.Axes.SetLimits(view.Left, view.Right, view.Bottom, view.Top);
        plot.Axes.SquareUnits();
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    private static void AddProbability(Plot plot, PlaneGrid grid, float[] probability)
    {
        var intensities = new double[grid.Rows, grid.Columns];
        for (int row = 0; row < grid.Rows; row++)
        {
            for (int column = 0; column < grid.Columns; column++)
            {
                intensities[row, column] = probability[row * grid.Columns + column];
            }
        }

        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Extent = new CoordinateRect(grid.Bounds.Left, grid.Bounds.Right, grid.Bounds.Bottom, grid.Bounds.Top);
        heatmap.Colormap = ProbabilityColormap;
        heatmap.ManualRange = new ScottPlot.Range(0, 1);

        var colorBar = plot.Add.ColorBar(heatmap, Edge.Right);
        colorBar.Label = "p(class 1)";
        colorBar.LabelStyle.FontName = FontName;
        colorBar.LabelStyle.FontSize = 14;
        colorBar.LabelStyle.Bold = false;
        colorBar.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(0.25);
    }

    private static void AddBoundary(Plot plot, PlaneGrid grid, float[] probability)
    {
        var levels = new Coordinates3d[grid.Rows, grid.Columns];
        for (int row = 0; row < grid.Rows; row++)
        {
            for (int column = 0; column < grid.Columns; column++)
            {
                levels[row, column] = new Coordinates3d(grid.U(column), grid.V(row), probability[row * grid.Columns + column]);
            }
        }

        var contour = plot.Add.ContourLines(levels, 1);
        contour.ContourLineLevels = [0.5];
        contour.Update(levels);
        contour.LineColor = Colors.Black;
        contour.LineWidth = 2;
        contour.LabelStyle.IsVisible = false;

        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = "p(class 1) = 0.5",
            LabelFontName = FontName,
            LineColor = Colors.Black,
            LineWidth = 2,
        });
    }

    private static void AddPoints(Plot plot, MoonsDataset data)
    {
        (double[] us, double[] vs) = Split(data.Unlabeled.Plane);
        var unlabeled = plot.Add.Markers(us, vs, MarkerShape.FilledCircle, 3, UnlabeledColor);
        unlabeled.LegendText = $"unlabeled ({data.Unlabeled.Count})";

        AddLabeled(plot, data.Labeled, 0, ClassZeroColor);
        AddLabeled(plot, data.Labeled, 1, ClassOneColor);
    }

    private static void AddLabeled(Plot plot, MoonsSet labeled, long label, Color color)
    {
        var us = new List<double>();
        var vs = new List<double>();
        for (int n = 0; n < labeled.Count; n++)
        {
            if (labeled.Labels[n] == label)
            {
                us.Add(labeled.Plane[n * 2]);
                vs.Add(labeled.Plane[n * 2 + 1]);
            }
        }

        var markers = plot.Add.Markers(us.ToArray(), vs.ToArray(), MarkerShape.FilledCircle, 16, color);
        markers.MarkerLineColor = Colors.Black;
        markers.MarkerLineWidth = 2;
        markers.LegendText = $"labeled class {label} ({us.Count})";
    }

    private static (double[] Us, double[] Vs) Split(double[] plane)
    {
        var us = new double[plane.Length / 2];
        var vs = new double[plane.Length / 2];
        for (int n = 0; n < us.Length; n++)
        {
            us[n] = plane[n * 2];
            vs[n] = plane[n * 2 + 1];
        }

        return (us, vs);
    }
}

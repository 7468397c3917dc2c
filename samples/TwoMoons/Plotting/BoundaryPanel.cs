namespace VatDsl.Samples.TwoMoons.Plotting;

/// <summary>One side of the figure: a title and p(class 1) at each cell of the shared grid.</summary>
/// <param name="Title">Panel title, for example the method and its test accuracy.</param>
/// <param name="ClassOneProbability">p(class 1 | cell center), row-major in the grid's cell order.</param>
public sealed record BoundaryPanel(string Title, float[] ClassOneProbability);

using System;

namespace VatDsl.Samples.TwoMoons.Plotting;

/// <summary>
/// Regular grid of cells over a rectangle of the plane, row 0 at the top as images are
/// stored. Each cell is represented by its center.
/// </summary>
public sealed record PlaneGrid(PlaneRect Bounds, int Columns, int Rows)
{
    /// <summary>Creates a grid over <paramref name="bounds"/> with cells of about <paramref name="cellSize"/> plane units.</summary>
    public static PlaneGrid Covering(PlaneRect bounds, double cellSize)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        if (!(cellSize > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(cellSize), cellSize, "The cell size must be positive.");
        }

        int columns = Math.Max(2, (int)Math.Ceiling(bounds.Width / cellSize));
        int rows = Math.Max(2, (int)Math.Ceiling(bounds.Height / cellSize));
        return new PlaneGrid(bounds, columns, rows);
    }

    /// <summary>Number of cells.</summary>
    public int Count => Columns * Rows;

    /// <summary>Returns the horizontal coordinate of the centers of column <paramref name="column"/>.</summary>
    public double U(int column) => Bounds.Left + (column + 0.5) * Bounds.Width / Columns;

    /// <summary>Returns the vertical coordinate of the centers of row <paramref name="row"/>, where row 0 is the top.</summary>
    public double V(int row) => Bounds.Top - (row + 0.5) * Bounds.Height / Rows;

    /// <summary>Returns the cell centers as row-major (Count x 2) plane coordinates, rows first.</summary>
    public double[] CellCenters()
    {
        var centers = new double[Count * 2];
        for (int row = 0; row < Rows; row++)
        {
            for (int column = 0; column < Columns; column++)
            {
                int cell = row * Columns + column;
                centers[cell * 2] = U(column);
                centers[cell * 2 + 1] = V(row);
            }
        }

        return centers;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace VatDsl.Samples.FashionMnist.Curves;

/// <summary>
/// The CSV form of the learning curves: a header line, then one row per <see cref="CurvePoint"/>,
/// numbers in the invariant culture and empty fields where an accuracy was not measured.
/// </summary>
internal static class CurvesCsv
{
    /// <summary>Column names, in file order.</summary>
    public static readonly string[] Columns =
        ["step", "ce", "lds", "total", "lr", "validation_accuracy", "test_accuracy", "elapsed_seconds"];

    /// <summary>The header line.</summary>
    public static string Header => string.Join(',', Columns);

    /// <summary>Formats <paramref name="point"/> as one CSV row, with round-trip precision.</summary>
    public static string FormatRow(CurvePoint point)
    {
        string[] fields =
        [
            point.Step.ToString(CultureInfo.InvariantCulture),
            Format(point.CrossEntropy),
            Format(point.Lds),
            Format(point.Total),
            Format(point.LearningRate),
            point.ValidationAccuracy is { } validation ? Format(validation) : string.Empty,
            point.TestAccuracy is { } test ? Format(test) : string.Empty,
            point.ElapsedSeconds.ToString("F3", CultureInfo.InvariantCulture),
        ];
        return string.Join(',', fields);
    }

    // A binary file would otherwise put control characters and a whole blob into the one-line error.
    private static string Printable(string? line)
    {
        const int MaxLength = 80;
        if (line is null)
        {
            return string.Empty;
        }

        string shown = line.Length > MaxLength ? line[..MaxLength] + "..." : line;
        return string.Concat(shown.Select(c => char.IsControl(c) || c == '\uFFFD' ? '?' : c));
    }

    /// <summary>Reads a curves file written by <see cref="CurvesWriter"/>.</summary>
    /// <exception cref="InvalidDataException">The header or a row does not match the format. The message names the file and line.</exception>
    public static IReadOnlyList<CurvePoint> Read(string path)
    {
        using var reader = new StreamReader(path);
        string? header = reader.ReadLine();
        if (header != Header)
        {
            throw new InvalidDataException(
                $"{path}: line 1 is '{Printable(header)}', expected the header '{Header}'. Pass a file written by --curves.");
        }

        var points = new List<CurvePoint>();
        int lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            points.Add(ParseRow(line, path, lineNumber));
        }

        return points;
    }

    private static CurvePoint ParseRow(string line, string path, int lineNumber)
    {
        string[] fields = line.Split(',');
        if (fields.Length != Columns.Length)
        {
            throw new InvalidDataException(
                $"{path}: line {lineNumber} has {fields.Length} fields, expected {Columns.Length} ({Header}).");
        }

        double Number(int column) => ParseNumber(fields[column], path, lineNumber, column)
            ?? throw new InvalidDataException($"{path}: line {lineNumber}: {Columns[column]} is empty, but --curves always writes it.");

        if (!int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out int step))
        {
            throw new InvalidDataException($"{path}: line {lineNumber}: step is '{fields[0]}', expected a non-negative integer.");
        }

        return new CurvePoint(
            step,
            Number(1),
            Number(2),
            Number(3),
            Number(4),
            ParseNumber(fields[5], path, lineNumber, 5),
            ParseNumber(fields[6], path, lineNumber, 6),
            Number(7));
    }

    private static double? ParseNumber(string field, string path, int lineNumber, int column)
    {
        if (field.Length == 0)
        {
            return null;
        }

        if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new InvalidDataException($"{path}: line {lineNumber}: {Columns[column]} is '{field}', expected a number.");
        }

        return value;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

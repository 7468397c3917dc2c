using System;
using System.Collections.Generic;
using System.IO;

namespace VatDsl.Samples.FashionMnist.Curves;

/// <summary>
/// Appends learning-curve rows to a CSV file as training goes, flushed after every row, so an
/// interrupted run keeps the curves up to its last progress line.
/// </summary>
internal sealed class CurvesWriter : IDisposable
{
    private readonly StreamWriter _writer;

    /// <summary>
    /// Creates or overwrites <paramref name="path"/> and writes the header and
    /// <paramref name="earlierPoints"/>. A resumed run passes the points of its checkpoint, so
    /// the file contains the whole run once, without the rows an interrupted run wrote after it.
    /// </summary>
    public CurvesWriter(string path, IReadOnlyList<CurvePoint>? earlierPoints = null)
    {
        _writer = new StreamWriter(path, append: false) { NewLine = "\n" };
        _writer.WriteLine(CurvesCsv.Header);
        foreach (CurvePoint point in earlierPoints ?? [])
        {
            _writer.WriteLine(CurvesCsv.FormatRow(point));
        }

        _writer.Flush();
    }

    public void Add(CurvePoint point)
    {
        _writer.WriteLine(CurvesCsv.FormatRow(point));
        _writer.Flush();
    }

    public void Dispose() => _writer.Dispose();
}

using System;
using System.Collections.Generic;

namespace VatDsl.Samples.FashionMnist.Curves;

/// <summary>
/// Collects the curve points of a run and passes each one on to the outputs the options ask
/// for: the CSV file and the TensorBoard event file as training goes, the PNG at the end.
/// </summary>
internal sealed class CurveRecorder : IDisposable
{
    private readonly List<CurvePoint> _points = [];
    private readonly CurvesWriter? _csv;
    private readonly TensorBoardCurves? _tensorBoard;

    public CurveRecorder(string? csvPath, string? tensorBoardDirectory)
    {
        _csv = csvPath is null ? null : new CurvesWriter(csvPath);
        _tensorBoard = tensorBoardDirectory is null ? null : new TensorBoardCurves(tensorBoardDirectory);
    }

    /// <summary>Points recorded so far, in step order.</summary>
    public IReadOnlyList<CurvePoint> Points => _points;

    public void Add(CurvePoint point)
    {
        _points.Add(point);
        _csv?.Add(point);
        _tensorBoard?.Add(point);
    }

    public void Dispose() => _csv?.Dispose();
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

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

    /// <summary>Creates the recorder and its outputs.</summary>
    /// <param name="csvPath">CSV file, or null.</param>
    /// <param name="tensorBoardDirectory">Folder for TensorBoard event files, or null.</param>
    /// <param name="earlierPoints">
    /// Points recorded before a resume, from the checkpoint, or empty for a new run. The CSV file
    /// starts with them. TensorBoard gets them only when its folder contains no event file yet,
    /// because the folder of the interrupted run already contains them.
    /// </param>
    public CurveRecorder(string? csvPath, string? tensorBoardDirectory, IReadOnlyList<CurvePoint> earlierPoints)
    {
        _points.AddRange(earlierPoints);
        _csv = csvPath is null ? null : new CurvesWriter(csvPath, earlierPoints);
        if (tensorBoardDirectory is not null)
        {
            bool hasEvents = Directory.Exists(tensorBoardDirectory) &&
                Directory.EnumerateFiles(tensorBoardDirectory, TensorBoardCurves.EventFilePattern).Any();
            _tensorBoard = new TensorBoardCurves(tensorBoardDirectory);
            if (!hasEvents)
            {
                foreach (CurvePoint point in earlierPoints)
                {
                    _tensorBoard.Add(point);
                }
            }
        }
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

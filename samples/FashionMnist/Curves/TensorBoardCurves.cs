using System;
using TorchSharp.Modules;
using static TorchSharp.torch.utils;

namespace VatDsl.Samples.FashionMnist.Curves;

/// <summary>Writes the learning-curve scalars as TensorBoard events with TorchSharp's SummaryWriter.</summary>
internal sealed class TensorBoardCurves
{
    /// <summary>Search pattern of the event files that TorchSharp's SummaryWriter creates.</summary>
    public const string EventFilePattern = "events.out.tfevents.*";

    private readonly SummaryWriter _writer;

    /// <summary>Creates <paramref name="directory"/> if missing and starts a new event file in it.</summary>
    public TensorBoardCurves(string directory)
    {
        _writer = tensorboard.SummaryWriter(directory);
    }

    /// <summary>Folder of the event file.</summary>
    public string Directory => _writer.LogDir;

    /// <summary>Writes one scalar per measured value of <paramref name="point"/>. Accuracies that were not measured are left out.</summary>
    public void Add(CurvePoint point)
    {
        // TorchSharp 0.107 stamps each event with the wall time in whole seconds since 1970, so
        // TensorBoard's time axes resolve to one second. The step axis is exact.
        _writer.add_scalar("loss/ce", (float)point.CrossEntropy, point.Step);
        _writer.add_scalar("loss/lds", (float)point.Lds, point.Step);
        _writer.add_scalar("loss/total", (float)point.Total, point.Step);
        _writer.add_scalar("lr", (float)point.LearningRate, point.Step);
        if (point.ValidationAccuracy is { } validation)
        {
            _writer.add_scalar("accuracy/validation", (float)validation, point.Step);
        }

        if (point.TestAccuracy is { } test)
        {
            _writer.add_scalar("accuracy/test", (float)test, point.Step);
        }

        _writer.add_scalar("elapsed_seconds", (float)point.ElapsedSeconds, point.Step);
    }
}

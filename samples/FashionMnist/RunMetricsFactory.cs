using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using VatDsl.Samples.FashionMnist.Curves;
using VatDsl.Samples.FashionMnist.Progress;

namespace VatDsl.Samples.FashionMnist;

/// <summary>Assembles the --metrics record of a finished run.</summary>
internal static class RunMetricsFactory
{
    public static RunMetrics Create(TrainingOptions options, VatOptions vatOptions, LossWindow window,
        IReadOnlyList<EvaluationPoint> evaluations, IReadOnlyList<CurvePoint> curves, TimeSpan elapsed, DateTime started,
        MachineInfo machine)
    {
        bool unlabeled = options.UsesUnlabeledData;

        // Random perturbations need no power iteration, so xi and the iteration count do not apply.
        bool searches = unlabeled && vatOptions.Method == PerturbationMethod.VirtualAdversarial;
        CurvePoint? best = curves.Where(p => p.ValidationAccuracy is not null)
            .Aggregate((CurvePoint?)null, (top, p) => top is null || p.ValidationAccuracy > top.ValidationAccuracy ? p : top);
        return new RunMetrics
        {
            Method = TrainingMethodNames.Name(options.Method),
            Labels = options.Labels,
            Steps = options.Steps,
            Seed = options.Seed,
            TestAccuracy = evaluations[^1].TestAccuracy,
            Seconds = Math.Round(elapsed.TotalSeconds, 1),
            Epsilon = unlabeled ? vatOptions.Epsilon : null,
            Xi = searches ? vatOptions.Xi : null,
            Alpha = unlabeled ? vatOptions.Alpha : null,
            PowerIterations = searches ? vatOptions.PowerIterations : null,
            LabeledBatch = options.LabeledBatch,
            UnlabeledBatch = unlabeled ? options.UnlabeledBatch : null,
            LearningRate = options.LearningRate,
            FinalCrossEntropy = window.LastCrossEntropy,
            FinalLds = window.LastLds,
            FinalTotal = window.LastTotal,
            Evaluations = evaluations,
            Device = options.Device,
            DataDirectory = Path.GetFullPath(options.DataDirectory),
            StartedUtc = started.ToString("O", CultureInfo.InvariantCulture),
            Machine = machine,
            Network = options.Network,
            LrSchedule = options.Schedule == LearningRateSchedule.Official ? "official" : "constant",
            ValidationImages = options.Validation,
            BnStats = options.BatchNormStatistics == BatchNormEvaluation.Running ? "running" : "reestimate",
            EntropyWeight = unlabeled ? vatOptions.EntropyWeight : null,
            ValidationAccuracy = curves.Count > 0 ? curves[^1].ValidationAccuracy : null,
            BestValidationAccuracy = best?.ValidationAccuracy,
            BestValidationStep = best?.Step,
            CurvesFile = FullPath(options.CurvesPath),
            TensorboardDirectory = FullPath(options.TensorBoardDirectory),
            PlotFile = FullPath(options.PlotPath),
        };
    }

    private static string? FullPath(string? path) => path is null ? null : Path.GetFullPath(path);
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Spectre.Console;
using TorchSharp;
using VatDsl.Checkpoints;
using VatDsl.Data;
using VatDsl.Export;
using VatDsl.Samples.FashionMnist.Curves;
using VatDsl.Samples.FashionMnist.Progress;
using static TorchSharp.torch;

namespace VatDsl.Samples.FashionMnist;

/// <summary>Loads Fashion-MNIST, trains FashionCnn with the chosen method and reports the test accuracy.</summary>
internal static class FashionMnistTraining
{
    /// <summary>Exit code when the data folder or a data file is missing or damaged.</summary>
    public const int DataErrorExitCode = 3;

    /// <summary>Exit code when the checkpoint to resume is missing, damaged or written by another run, or a new run would overwrite one.</summary>
    public const int CheckpointErrorExitCode = 4;

    /// <summary>Exit code when a loss, the VAT direction or a gradient became NaN or infinite, usually because --lr is too high.</summary>
    public const int DivergedExitCode = 5;

    /// <summary>Runs the training described by <paramref name="options"/> and returns the process exit code.</summary>
    /// <param name="options">Settings of the run.</param>
    /// <param name="output">Receives the header, progress lines and results.</param>
    /// <param name="error">Receives error messages.</param>
    /// <param name="terminal">A console to draw a progress bar on, or null for plain progress lines on <paramref name="output"/>.</param>
    public static int Run(TrainingOptions options, TextWriter output, TextWriter error, IAnsiConsole? terminal = null)
    {
        if (options.Device == "cuda" && !cuda.is_available())
        {
            error.WriteLine(
                "error: --device cuda: CUDA is not available. This sample references TorchSharp-cpu; " +
                "reference TorchSharp-cuda-linux (or -windows) instead and run on a machine with an NVIDIA GPU, or use --device cpu.");
            return SampleCommandLine.InvalidOptionsExitCode;
        }

        IReadOnlyList<string> unwritable = OutputWriteProbe.FindUnwritable(options);
        if (unwritable.Count > 0)
        {
            foreach (string message in unwritable)
            {
                error.WriteLine($"error: {message}");
            }

            return SampleCommandLine.InvalidOptionsExitCode;
        }

        RunCheckpoints? checkpoints;
        try
        {
            checkpoints = RunCheckpoints.Open(options);
        }
        catch (Exception e) when (e is IOException or CheckpointMismatchException)
        {
            error.WriteLine($"error: {e.Message}");
            return CheckpointErrorExitCode;
        }

        if (File.Exists(options.DataDirectory))
        {
            error.WriteLine($"error: --data {options.DataDirectory} is a file. Pass the folder that contains the four " +
                $"Fashion-MNIST IDX files, such as {Path.GetDirectoryName(Path.GetFullPath(options.DataDirectory))}.");
            return DataErrorExitCode;
        }

        FashionMnistDataset dataset;
        try
        {
            dataset = FashionMnistDataset.Load(options.DataDirectory);
        }
        catch (IOException e)
        {
            error.WriteLine($"error: {e.Message}");
            return DataErrorExitCode;
        }

        DataSplit split;
        try
        {
            split = ClassBalancedSplit.Draw(dataset.Train.Labels.Data, FashionMnistDataset.ClassCount, options.Labels, options.Validation, options.Seed);
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"error: --labels {options.Labels} and --validation {options.Validation} do not fit the training set. " +
                WithoutParameterName(e));
            return SampleCommandLine.InvalidOptionsExitCode;
        }

        if (options.UsesUnlabeledData && options.UnlabeledBatch > split.Unlabeled.Count)
        {
            error.WriteLine($"error: --unlabeled-batch {options.UnlabeledBatch} exceeds the {split.Unlabeled.Count} unlabeled images; pass a smaller value.");
            return SampleCommandLine.InvalidOptionsExitCode;
        }

        try
        {
            Train(options, dataset, split, checkpoints, output, terminal);
        }
        catch (Exception e) when (e is CheckpointFormatException or CheckpointMismatchException)
        {
            error.WriteLine($"error: {e.Message}");
            return CheckpointErrorExitCode;
        }
        catch (NonFiniteValueException e)
        {
            error.WriteLine($"error: {DescribeDivergence(e, options)}");
            return DivergedExitCode;
        }

        return 0;
    }

    // .NET appends " (Parameter 'labels')" and, for an out-of-range value, the value itself: both name library
    // parameters, which mean nothing to a command-line user.
    private static string WithoutParameterName(ArgumentException e)
    {
        int suffix = e.ParamName is null ? -1 : e.Message.IndexOf($" (Parameter '{e.ParamName}')", StringComparison.Ordinal);
        return suffix < 0 ? e.Message : e.Message[..suffix];
    }

    // The library's advice includes scaling the inputs to unit variance, which does not apply here, because the sample
    // scales pixels to [0, 1] and states epsilon in those units. So only its first sentence, what failed, is kept.
    private static string DescribeDivergence(NonFiniteValueException e, TrainingOptions options)
    {
        string failed = e.Message.Split(". ", 2)[0].TrimEnd('.');

        // The default rate is the one the measured runs used, so it is the value to suggest first.
        double suggested = options.LearningRate > SampleCommandLine.DefaultLearningRate
            ? SampleCommandLine.DefaultLearningRate
            : options.LearningRate / 10;
        string lowerLearningRate = string.Create(CultureInfo.InvariantCulture,
            $"lower --lr (now {options.LearningRate:G4}), for example to {suggested:G4}");

        // Epsilon only scales the perturbation, so it matters only when the unlabeled term failed.
        bool unlabeledTermFailed = e.Term is not (TrainingTerm.CrossEntropy or TrainingTerm.ParameterGradients);
        string fix = options.UsesUnlabeledData && unlabeledTermFailed
            ? $"{lowerLearningRate}, or lower --epsilon"
            : lowerLearningRate;
        return $"training diverged. {failed}. The pixels are already scaled to [0, 1], so {fix}.";
    }

    private static void Train(TrainingOptions options, FashionMnistDataset dataset, DataSplit split, RunCheckpoints? checkpoints,
        TextWriter output, IAnsiConsole? terminal)
    {
        Device device = torch.device(options.Device);
        torch.manual_seed(options.Seed);

        using Tensor trainImages = IdxTensors.ToImageTensor(dataset.Train.Images);
        using Tensor trainLabels = IdxTensors.ToLabelTensor(dataset.Train.Labels);
        using Tensor testImagesCpu = IdxTensors.ToImageTensor(dataset.Test.Images);
        using Tensor testLabelsCpu = IdxTensors.ToLabelTensor(dataset.Test.Labels);
        using Tensor testImages = testImagesCpu.to(device);
        using Tensor testLabels = testLabelsCpu.to(device);
        using Tensor validationIndices = tensor(split.Validation.Select(i => (long)i).ToArray());
        using Tensor validationImages = trainImages.index_select(0, validationIndices).to(device);
        using Tensor validationLabels = trainLabels.index_select(0, validationIndices).to(device);
        (Tensor, Tensor)? validationSet = split.Validation.Count > 0 ? (validationImages, validationLabels) : null;

        // The optimizer must see the parameters after the move, or it would update the CPU copies.
        using nn.Module<Tensor, Tensor> module = SampleNetworks.Create(options.Network).to(device);
        var model = (IVatNetwork)module;
        VatAdamSchedule? schedule = options.Schedule == LearningRateSchedule.Official
            ? VatAdamSchedule.PerStep(options.Steps, options.LearningRate)
            : null;
        using optim.Optimizer optimizer = schedule?.CreateOptimizer(module.parameters())
            ?? optim.Adam(module.parameters(), lr: options.LearningRate);
        VatOptions vatOptions = CreateVatOptions(options, SampleNetworks.VatDefaults(options.Network));

        // NOTE: not run on a GPU yet. VatDsl replays dropout masks only from the CPU generator,
        // so on CUDA every VAT pass draws fresh masks, and the header says so.
        if (device.type == DeviceType.CUDA)
        {
            vatOptions = vatOptions with { ShareRandomnessAcrossPasses = false };
        }

        var batches = new SemiSupervisedBatches(trainImages, trainLabels, split, options.LabeledBatch, options.UnlabeledBatch, options.Seed);
        var evaluation = new ModelEvaluation(module, options.BatchNormStatistics, trainImages, split.Unlabeled, options.UnlabeledBatch, options.Seed, device);

        MachineInfo machine = MachineDescription.Current();
        PrintHeader(options, dataset, split, vatOptions, machine, output);

        // A resumed run continues the history of the checkpoint: times, evaluations, curves and the open loss window.
        int firstStep = 1;
        RunHistory? history = null;
        if (checkpoints?.ResumeFrom is not null)
        {
            (firstStep, history) = checkpoints.Restore(module, optimizer, batches, output);
            ReportHistory(options, history, output);
        }

        string bnStats = options.BatchNormStatistics == BatchNormEvaluation.Running ? "running" : "reestimate";
        DateTime started = history is null
            ? DateTime.UtcNow
            : DateTime.Parse(history.StartedUtc, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        var window = new LossWindow();
        if (history is not null)
        {
            window.Restore(history.Window);
        }

        var evaluations = new List<EvaluationPoint>(history?.Evaluations ?? []);
        using var recorder = new CurveRecorder(options.CurvesPath, options.TensorBoardDirectory, history?.Curves ?? []);
        TimeSpan elapsedBefore = TimeSpan.FromSeconds(history?.ElapsedSeconds ?? 0);
        var clock = Stopwatch.StartNew();
        TimeSpan Elapsed() => elapsedBefore + clock.Elapsed;
        TimeSpan evaluationTime = TimeSpan.FromSeconds(history?.EvaluationSeconds ?? 0);
        double? validationAccuracy = history?.ValidationAccuracy;
        int lastStep = options.StopAfter ?? options.Steps;

        RunHistory CaptureHistory() => new()
        {
            StartedUtc = started.ToString("O", CultureInfo.InvariantCulture),
            ElapsedSeconds = Elapsed().TotalSeconds,
            EvaluationSeconds = evaluationTime.TotalSeconds,
            Evaluations = evaluations.ToArray(),
            Curves = recorder.Points.ToArray(),
            Window = window.Capture(),
            ValidationAccuracy = validationAccuracy,
            BnStats = bnStats,
        };

        void TrainSteps(ITrainingProgress progress)
        {
            for (int step = firstStep; step <= lastStep; step++)
            {
                // The schedule counts steps from 0, so the first step runs at its first learning rate.
                schedule?.Apply(optimizer, step - 1);
                double learningRate = schedule?.LearningRateAt(step - 1) ?? options.LearningRate;
                using (NewDisposeScope())
                {
                    VatStepResult result;
                    if (options.UsesUnlabeledData)
                    {
                        var (labeledImages, labels, unlabeledImages) = batches.Next(device);
                        result = model.TrainStep(labeledImages, labels, unlabeledImages, optimizer, vatOptions);
                    }
                    else
                    {
                        var (labeledImages, labels) = batches.NextLabeled(device);
                        result = model.SupervisedStep(labeledImages, labels, optimizer);
                    }

                    window.Add(result);
                }

                progress.Advance(step);
                bool evaluateTest = step == options.Steps || (options.EvalEvery > 0 && step % options.EvalEvery == 0);
                if (evaluateTest || step % options.LogEvery == 0)
                {
                    ReportProgress(step, learningRate, evaluateTest, progress);
                }

                checkpoints?.SaveIfDue(step, module, optimizer, batches, CaptureHistory, progress.WriteLine);
            }
        }

        void ReportProgress(int step, double learningRate, bool evaluateTest, ITrainingProgress progress)
        {
            window.Close();
            TimeSpan before = clock.Elapsed;
            double?[] accuracies = evaluation.Accuracies(validationSet, evaluateTest ? (testImages, testLabels) : null);
            TimeSpan evaluated = clock.Elapsed - before;
            evaluationTime += evaluated;
            validationAccuracy = accuracies[0] ?? validationAccuracy;
            double? testAccuracy = accuracies[1];

            // The estimate extrapolates the training time per step so far, before a resume included,
            // and leaves out the evaluations still to come.
            TimeSpan training = Elapsed() - evaluationTime;
            TimeSpan remaining = training * ((double)(options.Steps - step) / step);
            progress.Report(new ProgressLine(step, options.Steps, window.LastCrossEntropy, window.LastLds, window.LastTotal,
                learningRate, validationAccuracy, Elapsed(), remaining));
            double seconds = Math.Round(Elapsed().TotalSeconds, 1);
            if (testAccuracy is { } test)
            {
                evaluations.Add(new EvaluationPoint(step, test, seconds, accuracies[0]));
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"step {step,6}/{options.Steps}  test accuracy {test:F4}  (evaluated in {PlainProgress.FormatDuration(evaluated)})"));
            }

            recorder.Add(new CurvePoint(step, window.LastCrossEntropy, window.LastLds, window.LastTotal, learningRate,
                accuracies[0], testAccuracy, Elapsed().TotalSeconds));
        }

        if (terminal is null)
        {
            TrainSteps(new PlainProgress(output));
        }
        else
        {
            SpectreProgress.Run(terminal, options.Steps, firstStep - 1, TrainSteps);
        }

        clock.Stop();
        if (lastStep < options.Steps)
        {
            output.WriteLine(
                $"stopped after step {lastStep} of {options.Steps} (--stop-after) in {PlainProgress.FormatDuration(Elapsed())}. " +
                "Run again with --resume to continue. The final results, --metrics, --plot and --export-pytorch come at the last step.");
            ReportCurveFiles(options, recorder, output);
            return;
        }

        string methodName = TrainingMethodNames.Name(options.Method);
        double finalTestAccuracy = evaluations[^1].TestAccuracy;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{methodName}, {options.Labels} labels, {options.Steps} steps, seed {options.Seed}: " +
            $"test accuracy {finalTestAccuracy:F4} in {PlainProgress.FormatDuration(Elapsed())}"));
        ReportCurveFiles(options, recorder, output);

        if (options.PlotPath is not null)
        {
            string name = string.Create(CultureInfo.InvariantCulture, $"{methodName}, {options.Network}, {options.Labels} labels, seed {options.Seed}");
            LearningCurvePlot.Save(options.PlotPath, [new RunCurves(name, recorder.Points)]);
            output.WriteLine($"learning curves drawn to {Path.GetFullPath(options.PlotPath)}");
        }

        if (options.MetricsPath is not null)
        {
            RunMetrics metrics = RunMetricsFactory.Create(options, vatOptions, window, evaluations, recorder.Points,
                Elapsed(), started, machine);
            File.WriteAllText(options.MetricsPath, JsonSerializer.Serialize(metrics, MetricsJsonContext.Default.RunMetrics));
            output.WriteLine($"metrics written to {Path.GetFullPath(options.MetricsPath)}");
        }

        if (options.ExportPyTorchPath is not null)
        {
            PyTorchExport.Save(module, options.ExportPyTorchPath);
            output.WriteLine($"PyTorch state_dict written to {Path.GetFullPath(options.ExportPyTorchPath)}");
        }
    }

    private static void ReportHistory(TrainingOptions options, RunHistory? history, TextWriter output)
    {
        if (history is null)
        {
            output.WriteLine("The checkpoint holds no run history, so times, --metrics and the curves cover only the resumed steps.");
            return;
        }

        string bnStats = options.BatchNormStatistics == BatchNormEvaluation.Running ? "running" : "reestimate";
        if (history.BnStats != bnStats)
        {
            output.WriteLine($"--bn-stats is {bnStats} now but was {history.BnStats} before the checkpoint, so the accuracies " +
                "recorded before the resume were measured with the other BatchNorm statistics.");
        }
    }

    private static VatOptions CreateVatOptions(TrainingOptions options, VatOptions declared)
    {
        VatOptions chosen = declared with
        {
            Epsilon = options.Epsilon ?? declared.Epsilon,
            Xi = options.Xi ?? declared.Xi,
        };
        return TrainingMethodNames.Apply(options.Method, chosen).Validate();
    }

    private static void ReportCurveFiles(TrainingOptions options, CurveRecorder recorder, TextWriter output)
    {
        if (options.CurvesPath is not null)
        {
            output.WriteLine($"curves written to {Path.GetFullPath(options.CurvesPath)} ({recorder.Points.Count} rows)");
        }

        if (options.TensorBoardDirectory is not null)
        {
            output.WriteLine($"TensorBoard events written to {Path.GetFullPath(options.TensorBoardDirectory)}");
        }
    }

    private static void PrintHeader(TrainingOptions options, FashionMnistDataset dataset, DataSplit split, VatOptions vat, MachineInfo machine, TextWriter output)
    {
        output.WriteLine($"Fashion-MNIST from {dataset.Directory}: {dataset.Train.Count} training and {dataset.Test.Count} test images");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"network {options.Network}, method {TrainingMethodNames.Name(options.Method)}, {split.Labeled.Count} labels ({split.Labeled.Count / FashionMnistDataset.ClassCount} per class), " +
            $"{options.Steps} steps, seed {options.Seed}, Adam lr {options.LearningRate}, labeled batch {options.LabeledBatch}"));
        output.WriteLine(options.Schedule == LearningRateSchedule.Official
            ? string.Create(CultureInfo.InvariantCulture,
                $"lr schedule official: constant for {VatAdamSchedule.PerStep(options.Steps).DecayStartEpoch} steps, then linear decay towards 0 with beta1 0.5")
            : "lr schedule constant, beta1 0.9");
        string statistics = options.BatchNormStatistics == BatchNormEvaluation.Running
            ? "running averages"
            : $"re-estimated from {Math.Min(ModelEvaluation.ReestimationImages, split.Unlabeled.Count)} unlabeled images";
        output.WriteLine($"validation: {split.Validation.Count} held-out training images; BatchNorm statistics for evaluation: {statistics}");
        if (options.UsesUnlabeledData)
        {
            string search = vat.Method == PerturbationMethod.RandomPerturbation
                ? "random directions"
                : string.Create(CultureInfo.InvariantCulture, $"xi {vat.Xi}, power iterations {vat.PowerIterations}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{TrainingMethodNames.Name(options.Method)}: {split.Unlabeled.Count} unlabeled images, unlabeled batch {options.UnlabeledBatch}, " +
                $"epsilon {vat.Epsilon}, {search}, alpha {vat.Alpha}, entropy weight {vat.EntropyWeight}"));
            if (!vat.ShareRandomnessAcrossPasses)
            {
                output.WriteLine("VAT: dropout masks are drawn anew for each pass, because mask replay supports only the CPU generator.");
            }
        }

        string threads = machine.TorchThreads == 1 ? "1 LibTorch thread" : $"{machine.TorchThreads} LibTorch threads";
        output.WriteLine($"device {options.Device}, {threads}, {machine.ProcessorCount} processors ({machine.CpuModel})");
    }
}

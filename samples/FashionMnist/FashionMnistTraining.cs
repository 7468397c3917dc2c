using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;
using TorchSharp;
using VatDsl.Checkpoints;
using VatDsl.Data;
using VatDsl.Export;
using static TorchSharp.torch;

namespace VatDsl.Samples.FashionMnist;

/// <summary>Loads Fashion-MNIST, trains FashionCnn with the chosen method and reports the test accuracy.</summary>
internal static class FashionMnistTraining
{
    /// <summary>Exit code when the data folder or a data file is missing or damaged.</summary>
    public const int DataErrorExitCode = 3;

    /// <summary>Exit code when the checkpoint to resume is missing, damaged or written by another run, or a new run would overwrite one.</summary>
    public const int CheckpointErrorExitCode = 4;

    /// <summary>Runs the training described by <paramref name="options"/> and returns the process exit code.</summary>
    public static int Run(TrainingOptions options, TextWriter output, TextWriter error)
    {
        if (options.Device == "cuda" && !cuda.is_available())
        {
            error.WriteLine(
                "error: --device cuda: CUDA is not available. This sample references TorchSharp-cpu; " +
                "reference TorchSharp-cuda-linux (or -windows) instead and run on a machine with an NVIDIA GPU, or use --device cpu.");
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
            split = ClassBalancedSplit.Draw(dataset.Train.Labels.Data, FashionMnistDataset.ClassCount, options.Labels, validationCount: 0, options.Seed);
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"error: --labels {options.Labels}: {e.Message}");
            return SampleCommandLine.InvalidOptionsExitCode;
        }

        if (options.Method == TrainingMethod.Vat && options.UnlabeledBatch > split.Unlabeled.Count)
        {
            error.WriteLine($"error: --unlabeled-batch {options.UnlabeledBatch} exceeds the {split.Unlabeled.Count} unlabeled images; pass a smaller value.");
            return SampleCommandLine.InvalidOptionsExitCode;
        }

        try
        {
            Train(options, dataset, split, checkpoints, output);
        }
        catch (Exception e) when (e is CheckpointFormatException or CheckpointMismatchException)
        {
            error.WriteLine($"error: {e.Message}");
            return CheckpointErrorExitCode;
        }

        return 0;
    }

    private static void Train(TrainingOptions options, FashionMnistDataset dataset, DataSplit split, RunCheckpoints? checkpoints, TextWriter output)
    {
        DateTime started = DateTime.UtcNow;
        Device device = torch.device(options.Device);
        torch.manual_seed(options.Seed);

        using Tensor trainImages = IdxTensors.ToImageTensor(dataset.Train.Images);
        using Tensor trainLabels = IdxTensors.ToLabelTensor(dataset.Train.Labels);
        using Tensor testImagesCpu = IdxTensors.ToImageTensor(dataset.Test.Images);
        using Tensor testLabelsCpu = IdxTensors.ToLabelTensor(dataset.Test.Labels);
        using Tensor testImages = testImagesCpu.to(device);
        using Tensor testLabels = testLabelsCpu.to(device);

        // The optimizer must see the parameters after the move, or it would update the CPU copies.
        using nn.Module<Tensor, Tensor> module = CreateNetwork(options.Network).to(device);
        var model = (IVatNetwork)module;
        using optim.Optimizer optimizer = optim.Adam(module.parameters(), lr: options.LearningRate);
        VatOptions declared = model.DefaultVatOptions;
        VatOptions vatOptions = (declared with
        {
            Epsilon = options.Epsilon ?? declared.Epsilon,
            Xi = options.Xi ?? declared.Xi,
        }).Validate();

        // NOTE: not run on a GPU yet. VatDsl replays dropout masks only from the CPU generator,
        // so on CUDA every VAT pass draws fresh masks, and the header says so.
        if (device.type == DeviceType.CUDA)
        {
            vatOptions = vatOptions with { ShareRandomnessAcrossPasses = false };
        }
        var batches = new SemiSupervisedBatches(trainImages, trainLabels, split, options.LabeledBatch, options.UnlabeledBatch, options.Seed);

        MachineInfo machine = MachineDescription.Current();
        PrintHeader(options, dataset, split, vatOptions, machine, output);

        var progress = new ProgressLog(output, options.Steps);
        var evaluations = new List<EvaluationPoint>();
        var clock = Stopwatch.StartNew();
        TimeSpan evaluationTime = TimeSpan.Zero;
        int firstStep = checkpoints?.Restore(module, optimizer, batches, output) ?? 1;
        for (int step = firstStep; step <= options.Steps; step++)
        {
            using (NewDisposeScope())
            {
                VatStepResult result;
                if (options.Method == TrainingMethod.Vat)
                {
                    var (labeledImages, labels, unlabeledImages) = batches.Next(device);
                    result = model.TrainStep(labeledImages, labels, unlabeledImages, optimizer, vatOptions);
                }
                else
                {
                    var (labeledImages, labels) = batches.NextLabeled(device);
                    result = model.SupervisedStep(labeledImages, labels, optimizer);
                }

                progress.Add(result);
            }

            if (step % options.LogEvery == 0 || step == options.Steps)
            {
                progress.Print(step, clock.Elapsed, evaluationTime);
            }

            bool evaluateNow = step == options.Steps || (options.EvalEvery > 0 && step % options.EvalEvery == 0);
            if (evaluateNow)
            {
                TimeSpan before = clock.Elapsed;
                double accuracy = model.Evaluate(testImages, testLabels);
                evaluationTime += clock.Elapsed - before;
                evaluations.Add(new EvaluationPoint(step, accuracy, Math.Round(clock.Elapsed.TotalSeconds, 1)));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"step {step,6}/{options.Steps}  test accuracy {accuracy:F4}  (evaluated in {ProgressLog.FormatDuration(clock.Elapsed - before)})"));
            }

            checkpoints?.SaveIfDue(step, module, optimizer, batches, output);
        }

        clock.Stop();
        double testAccuracy = evaluations[^1].TestAccuracy;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{MethodName(options.Method)}, {options.Labels} labels, {options.Steps} steps, seed {options.Seed}: " +
            $"test accuracy {testAccuracy:F4} in {ProgressLog.FormatDuration(clock.Elapsed)}"));

        if (options.MetricsPath is not null)
        {
            bool vat = options.Method == TrainingMethod.Vat;
            var metrics = new RunMetrics
            {
                Method = MethodName(options.Method),
                Labels = options.Labels,
                Steps = options.Steps,
                Seed = options.Seed,
                TestAccuracy = testAccuracy,
                Seconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
                Epsilon = vat ? vatOptions.Epsilon : null,
                Xi = vat ? vatOptions.Xi : null,
                Alpha = vat ? vatOptions.Alpha : null,
                PowerIterations = vat ? vatOptions.PowerIterations : null,
                LabeledBatch = options.LabeledBatch,
                UnlabeledBatch = vat ? options.UnlabeledBatch : null,
                LearningRate = options.LearningRate,
                FinalCrossEntropy = progress.LastCrossEntropy,
                FinalLds = progress.LastLds,
                FinalTotal = progress.LastTotal,
                Evaluations = evaluations,
                Device = options.Device,
                DataDirectory = Path.GetFullPath(options.DataDirectory),
                StartedUtc = started.ToString("O", CultureInfo.InvariantCulture),
                Machine = machine,
            };
            File.WriteAllText(options.MetricsPath, JsonSerializer.Serialize(metrics, MetricsJsonContext.Default.RunMetrics));
            output.WriteLine($"metrics written to {Path.GetFullPath(options.MetricsPath)}");
        }

        if (options.ExportPyTorchPath is not null)
        {
            PyTorchExport.Save(module, options.ExportPyTorchPath);
            output.WriteLine($"PyTorch state_dict written to {Path.GetFullPath(options.ExportPyTorchPath)}");
        }
    }

    private static void PrintHeader(TrainingOptions options, FashionMnistDataset dataset, DataSplit split, VatOptions vat, MachineInfo machine, TextWriter output)
    {
        output.WriteLine($"Fashion-MNIST from {dataset.Directory}: {dataset.Train.Count} training and {dataset.Test.Count} test images");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"network {options.Network}, method {MethodName(options.Method)}, {split.Labeled.Count} labels ({split.Labeled.Count / FashionMnistDataset.ClassCount} per class), " +
            $"{options.Steps} steps, seed {options.Seed}, Adam lr {options.LearningRate}, labeled batch {options.LabeledBatch}"));
        if (options.Method == TrainingMethod.Vat)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"VAT: {split.Unlabeled.Count} unlabeled images, unlabeled batch {options.UnlabeledBatch}, epsilon {vat.Epsilon}, " +
                $"xi {vat.Xi}, power iterations {vat.PowerIterations}, alpha {vat.Alpha}"));
            if (!vat.ShareRandomnessAcrossPasses)
            {
                output.WriteLine("VAT: dropout masks are drawn anew for each pass, because mask replay supports only the CPU generator.");
            }
        }

        output.WriteLine($"device {options.Device}, {machine.TorchThreads} LibTorch threads, {machine.ProcessorCount} processors ({machine.CpuModel})");
    }

    private static nn.Module<Tensor, Tensor> CreateNetwork(string name) => name switch
    {
        "cnn" => new FashionCnn(),
        "mlp" => new VatDsl.Networks.MnistMlpImage(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "The network must be cnn or mlp."),
    };

    private static string MethodName(TrainingMethod method) => method == TrainingMethod.Vat ? "vat" : "supervised";
}

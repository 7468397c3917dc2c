using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using TorchSharp;
using VatDsl.Samples.TwoMoons.Data;
using VatDsl.Samples.TwoMoons.Model;
using static TorchSharp.torch;

namespace VatDsl.Samples.TwoMoons.Training;

/// <summary>Trains a moons classifier with full-batch labeled steps and logs its progress.</summary>
public static class MoonsTrainer
{
    /// <summary>
    /// Seeds TorchSharp with <see cref="TrainingSettings.Seed"/>, creates a network for the data
    /// set's input size and trains it with <paramref name="method"/>. Equal seeds give both
    /// methods the same initial weights. The caller disposes the returned classifier.
    /// </summary>
    public static (MoonsClassifier Classifier, TrainingResult Result) Train(
        TrainingMethod method, MoonsDataset data, TrainingSettings settings, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);

        torch.manual_seed(settings.Seed);
        MoonsClassifier classifier = MoonsNetworks.Create(data.Spec.Dimensions);
        try
        {
            TrainingResult result = Run(classifier, method, data, settings, log);
            return (classifier, result);
        }
        catch
        {
            classifier.Dispose();
            throw;
        }
    }

    private static TrainingResult Run(
        MoonsClassifier classifier, TrainingMethod method, MoonsDataset data, TrainingSettings settings, TextWriter log)
    {
        int dimensions = data.Spec.Dimensions;
        using Tensor labeledX = ToFeatures(data.Labeled, dimensions);
        using Tensor labels = tensor(data.Labeled.Labels);
        using Tensor unlabeledX = ToFeatures(data.Unlabeled, dimensions);
        using Tensor testX = ToFeatures(data.Test, dimensions);
        using Tensor testLabels = tensor(data.Test.Labels);
        using var batchGenerator = new Generator(unchecked((ulong)settings.Seed));
        using optim.Optimizer optimizer = optim.Adam(classifier.Module.parameters(), lr: settings.LearningRate);

        IVatNetwork network = classifier.Network;
        VatOptions vatOptions = network.DefaultVatOptions with
        {
            Epsilon = settings.Epsilon ?? network.DefaultVatOptions.Epsilon,
            Xi = settings.Xi ?? network.DefaultVatOptions.Xi,
        };
        string name = MethodName(method);
        var stopwatch = Stopwatch.StartNew();
        VatStepResult last = default;
        for (int step = 1; step <= settings.Steps; step++)
        {
            // The generated steps free their own tensors, and this scope frees the batch draw.
            using (NewDisposeScope())
            {
                last = method == TrainingMethod.Vat
                    ? network.TrainStep(labeledX, labels, DrawBatch(unlabeledX, settings.UnlabeledBatch, batchGenerator), optimizer, vatOptions)
                    : network.SupervisedStep(labeledX, labels, optimizer);
            }

            if (step % settings.LogInterval == 0 || step == settings.Steps)
            {
                double accuracy = network.Evaluate(testX, testLabels);
                log.WriteLine(FormatProgress(name, method, step, settings.Steps, last, accuracy));
            }
        }

        double testAccuracy = network.Evaluate(testX, testLabels);
        return new TrainingResult(method, testAccuracy, last, stopwatch.Elapsed.TotalSeconds, vatOptions);
    }

    /// <summary>Returns the display name of a method, as used in logs and plot titles.</summary>
    public static string MethodName(TrainingMethod method) => method switch
    {
        TrainingMethod.SupervisedOnly => "supervised only",
        TrainingMethod.Vat => "VAT",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown training method."),
    };

    private static Tensor ToFeatures(MoonsSet set, int dimensions) =>
        tensor(set.Features, [set.Count, dimensions]);

    private static Tensor DrawBatch(Tensor unlabeledX, int batchSize, Generator generator)
    {
        long count = unlabeledX.shape[0];
        if (batchSize >= count)
        {
            return unlabeledX;
        }

        Tensor indices = randperm(count, generator: generator).narrow(0, 0, batchSize);
        return unlabeledX.index_select(0, indices);
    }

    private static string FormatProgress(string name, TrainingMethod method, int step, int steps, VatStepResult last, double accuracy)
    {
        string width = steps.ToString(CultureInfo.InvariantCulture);
        string lds = method == TrainingMethod.Vat
            ? string.Create(CultureInfo.InvariantCulture, $"  LDS {last.Lds,8:F5}")
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"  {name,-15} step {step.ToString(CultureInfo.InvariantCulture).PadLeft(width.Length)}/{width}" +
            $"  cross-entropy {last.CrossEntropy,8:F5}{lds}  test accuracy {accuracy * 100,5:F1}%");
    }
}

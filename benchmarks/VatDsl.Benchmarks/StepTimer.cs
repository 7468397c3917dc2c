using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace VatDsl.Benchmarks;

/// <summary>Measures the wall-clock time of training steps: median and 90th percentile over many steps.</summary>
internal static class StepTimer
{
    public static void Run(int steps)
    {
        Console.WriteLine($"| network | step | median ms | p90 ms | steps |");
        Console.WriteLine($"|---|---|---|---|---|");
        foreach (string name in new[] { "mlp", "cnn" })
        {
            foreach (var (label, options) in Variants())
            {
                manual_seed(1);
                using var network = name == "mlp" ? (nn.Module<Tensor, Tensor>)new BenchMlp() : new BenchCnn();
                var shape = name == "mlp" ? new long[] { 784 } : new long[] { 1, 28, 28 };
                var (labeledX, labels, unlabeledX) = Batches(shape, labeled: 32, unlabeled: 128);
                using var optimizer = optim.Adam(network.parameters(), 0.001);
                Func<VatStepResult> step = options is null
                    ? () => VatTraining.SupervisedStep(network, labeledX, labels, optimizer)
                    : () => VatTraining.Step(network, labeledX, labels, unlabeledX, optimizer, options);

                double[] milliseconds = Measure(step, warmup: 5, steps);
                Console.WriteLine(
                    $"| {name} | {label} | {Format(Percentile(milliseconds, 0.5))} | {Format(Percentile(milliseconds, 0.9))} | {steps} |");
            }
        }
    }

    private static IEnumerable<(string Label, VatOptions? Options)> Variants()
    {
        yield return ("supervised", null);
        yield return ("VAT, Ip = 1, finite difference", new VatOptions());
        yield return ("VAT, Ip = 1, double backprop", new VatOptions { HessianVectorProduct = HessianVectorProduct.DoubleBackprop });
        yield return ("VAT, Ip = 2, finite difference", new VatOptions { PowerIterations = 2 });
        yield return ("RPT", new VatOptions { Method = PerturbationMethod.RandomPerturbation });
    }

    internal static (Tensor LabeledX, Tensor Labels, Tensor UnlabeledX) Batches(long[] shape, int labeled, int unlabeled)
    {
        var generator = new Generator(7);
        Tensor labeledX = randn(new[] { (long)labeled }.Concat(shape).ToArray(), generator: generator);
        Tensor labels = randint(0, 10, new long[] { labeled }, dtype: ScalarType.Int64, generator: generator);
        Tensor unlabeledX = randn(new[] { (long)unlabeled }.Concat(shape).ToArray(), generator: generator);
        return (labeledX, labels, unlabeledX);
    }

    private static double[] Measure(Func<VatStepResult> step, int warmup, int steps)
    {
        for (int i = 0; i < warmup; i++)
        {
            step();
        }

        var milliseconds = new double[steps];
        var watch = new Stopwatch();
        for (int i = 0; i < steps; i++)
        {
            watch.Restart();
            step();
            milliseconds[i] = watch.Elapsed.TotalMilliseconds;
        }

        return milliseconds;
    }

    private static double Percentile(double[] values, double fraction)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        return sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(fraction * sorted.Length))];
    }

    private static string Format(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}

using System;
using System.Globalization;
using System.IO;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace VatDsl.Benchmarks;

/// <summary>
/// Runs many VAT steps and prints the resident set size (VmRSS from /proc/self/status) at
/// regular intervals, with the glibc heap trimmed every N steps or never.
/// </summary>
internal static class ResidentMemory
{
    public static void Run(string network, int steps, int trimInterval, int reportEvery)
    {
        NativeMemoryTrimmer.IntervalSteps = trimInterval;
        manual_seed(1);
        using var model = network == "mlp" ? (nn.Module<Tensor, Tensor>)new BenchMlp() : new BenchCnn();
        var shape = network == "mlp" ? new long[] { 784 } : new long[] { 1, 28, 28 };
        var (labeledX, labels, unlabeledX) = StepTimer.Batches(shape, labeled: 32, unlabeled: 128);
        using var optimizer = optim.Adam(model.parameters(), 0.001);
        var options = new VatOptions();

        Console.WriteLine($"network {network}, {steps} VAT steps, malloc_trim every {(trimInterval == 0 ? "never" : trimInterval + " steps")}");
        Console.WriteLine("| step | RSS MiB | managed allocated MiB | gen0 collections | live tensors |");
        Console.WriteLine("|---|---|---|---|---|");
        for (int step = 1; step <= steps; step++)
        {
            VatTraining.Step(model, labeledX, labels, unlabeledX, optimizer, options);
            if (step == 1 || step % reportEvery == 0)
            {
                // Includes garbage not yet collected: the managed heap grows until the first gen0 collection.
                double managed = GC.GetTotalMemory(forceFullCollection: false) / (1024.0 * 1024.0);
                Console.WriteLine(
                    $"| {step} | {Format(ResidentMebibytes())} | {Format(managed)} | {GC.CollectionCount(0)} | {Tensor.TotalCount} |");
            }
        }

        Console.WriteLine($"malloc_trim calls: {NativeMemoryTrimmer.TrimCount}");
    }

    private static string Format(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static double ResidentMebibytes()
    {
        string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        long kibibytes = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kibibytes / 1024.0;
    }
}

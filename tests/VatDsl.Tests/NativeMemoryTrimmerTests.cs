using System;
using TorchSharp;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests;

/// <summary>The periodic malloc_trim call of the training steps.</summary>
public sealed class NativeMemoryTrimmerTests
{
    // NOTE: assumes that Linux means glibc, as on the Debian machines this suite runs on; on musl
    // (Alpine) Trim returns false and this test fails.
    [Fact]
    public void Trim_succeeds_on_linux()
    {
        long before = NativeMemoryTrimmer.TrimCount;

        bool trimmed = NativeMemoryTrimmer.Trim();

        Assert.Equal(OperatingSystem.IsLinux(), trimmed);
        Assert.Equal(before + (trimmed ? 1 : 0), NativeMemoryTrimmer.TrimCount);
    }

    [Fact]
    public void Steps_trim_at_interval()
    {
        int previous = NativeMemoryTrimmer.IntervalSteps;
        try
        {
            using var scope = NewDisposeScope();
            var (x, labels) = SyntheticData.Blobs(8, 4, 3, seed: 1);
            var model = TestModels.Mlp(4, 8, 3);
            using var optimizer = optim.SGD(model.parameters(), 0.01);
            NativeMemoryTrimmer.IntervalSteps = 3;

            // The step counter is process-wide; three steps leave it below 3 whatever earlier tests left.
            VatTraining.SupervisedStep(model, x, labels, optimizer);
            VatTraining.SupervisedStep(model, x, labels, optimizer);
            VatTraining.SupervisedStep(model, x, labels, optimizer);
            long before = NativeMemoryTrimmer.TrimCount;

            for (int i = 0; i < 6; i++)
            {
                VatTraining.Step(model, x, labels, x, optimizer, new VatOptions());
            }

            Assert.Equal(before + (NativeMemoryTrimmer.IsSupported ? 2 : 0), NativeMemoryTrimmer.TrimCount);
        }
        finally
        {
            NativeMemoryTrimmer.IntervalSteps = previous;
        }
    }

    [Fact]
    public void Negative_interval_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NativeMemoryTrimmer.IntervalSteps = -1);
    }
}

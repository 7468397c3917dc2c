using TorchSharp;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests;

/// <summary>
/// Every tensor a training step creates is disposed before it returns. The live tensor count is
/// process-wide, which is one reason the assembly runs its tests one at a time.
/// </summary>
public sealed class MemoryTests
{
    [Fact]
    public void Training_steps_leave_no_live_tensors()
    {
        var (labeledX, labels) = SyntheticData.Blobs(8, 16, 3, seed: 1, dtype: ScalarType.Float64);
        var (unlabeledX, _) = SyntheticData.Blobs(32, 16, 3, seed: 2, dtype: ScalarType.Float64);
        Tensor images = labeledX.reshape(8, 1, 4, 4);
        Tensor unlabeledImages = unlabeledX.reshape(32, 1, 4, 4);
        var model = TestModels.WithBatchNorm();
        using var optimizer = optim.Adam(model.parameters(), 0.001);
        var options = new VatOptions { PowerIterations = 2, EntropyWeight = 0.5 };

        // The first Adam step allocates its moment buffers, which then live as long as the optimizer.
        for (int i = 0; i < 3; i++)
        {
            VatTraining.Step(model, images, labels, unlabeledImages, optimizer, options);
            VatTraining.SupervisedStep(model, images, labels, optimizer);
        }

        // Tensors that earlier tests left to the garbage collector are finalized at unpredictable
        // times and lower the process-wide count, so they are collected before the baseline. No
        // collection follows the loop: it would finalize, and so hide, the tensors a step leaks.
        CollectGarbage();
        long liveBefore = Tensor.TotalCount;
        long threadLiveBefore = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int i = 0; i < 300; i++)
        {
            VatTraining.Step(model, images, labels, unlabeledImages, optimizer, options);
            VatTraining.SupervisedStep(model, images, labels, optimizer);
            VatTraining.Evaluate(model, images, labels, batchSize: 3);
        }

        Assert.Equal(liveBefore, Tensor.TotalCount);
        Assert.Equal(threadLiveBefore, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    private static void CollectGarbage()
    {
        System.GC.Collect();
        System.GC.WaitForPendingFinalizers();
        System.GC.Collect();
    }
}

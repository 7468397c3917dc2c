using System;
using System.Linq;
using TorchSharp;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests;

/// <summary>
/// A batch of one sample through a BatchNorm layer in training mode is rejected: LibTorch's C++
/// batch_norm outputs zeros for it where PyTorch raises.
/// </summary>
public sealed class BatchNormBatchSizeTests
{
    [Fact]
    public void Step_rejects_single_unlabeled_sample()
    {
        using var scope = NewDisposeScope();
        var (labeledX, labels, unlabeledX) = Batches(labeled: 4, unlabeled: 1);
        var model = TestModels.WithBatchNorm();
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        Tensor runningMean = RunningMean(model).clone();

        var error = Assert.Throws<ArgumentException>(
            () => VatTraining.Step(model, labeledX, labels, unlabeledX, optimizer, new VatOptions()));

        Assert.Equal("unlabeledX", error.ParamName);
        Assert.Contains("'bn2d'", error.Message);
        Assert.Contains("batch size of at least 2", error.Message);
        Assert.Contains("drop the last incomplete batch", error.Message);
        Assert.True(RunningMean(model).eq(runningMean).all().item<bool>(), "The rejected step changed running_mean.");
    }

    [Fact]
    public void Step_rejects_single_labeled_sample()
    {
        using var scope = NewDisposeScope();
        var (labeledX, labels, unlabeledX) = Batches(labeled: 1, unlabeled: 4);
        var model = TestModels.WithBatchNorm();
        using var optimizer = optim.SGD(model.parameters(), 0.1);

        var error = Assert.Throws<ArgumentException>(
            () => VatTraining.Step(model, labeledX, labels, unlabeledX, optimizer, new VatOptions()));

        Assert.Equal("labeledX", error.ParamName);
    }

    [Fact]
    public void SupervisedStep_rejects_single_sample()
    {
        using var scope = NewDisposeScope();
        var (labeledX, labels, _) = Batches(labeled: 1, unlabeled: 1);
        var model = TestModels.WithBatchNorm();
        using var optimizer = optim.SGD(model.parameters(), 0.1);

        var error = Assert.Throws<ArgumentException>(() => VatTraining.SupervisedStep(model, labeledX, labels, optimizer));

        Assert.Equal("labeledX", error.ParamName);
    }

    [Fact]
    public void VatLoss_rejects_single_sample_in_training_mode()
    {
        using var scope = NewDisposeScope();
        var (_, _, unlabeledX) = Batches(labeled: 1, unlabeled: 1);
        var model = TestModels.WithBatchNorm();
        model.train();

        var error = Assert.Throws<ArgumentException>(() => VatLoss.Compute(model, unlabeledX, new VatOptions()));

        Assert.Equal("x", error.ParamName);
    }

    [Fact]
    public void Single_sample_allowed_in_evaluation_mode()
    {
        using var scope = NewDisposeScope();
        var (_, _, unlabeledX) = Batches(labeled: 1, unlabeled: 1);
        var model = TestModels.WithBatchNorm();
        model.eval();

        VatLossResult vat = VatLoss.Compute(model, unlabeledX, new VatOptions());

        Assert.True(double.IsFinite(vat.Lds.ToDouble()));
    }

    [Fact]
    public void Single_sample_allowed_without_BatchNorm()
    {
        using var scope = NewDisposeScope();
        var (x, labels) = SyntheticData.Blobs(4, 4, 3, seed: 1);
        var model = TestModels.Mlp(4, 8, 3);
        using var optimizer = optim.SGD(model.parameters(), 0.1);

        VatStepResult result = VatTraining.Step(model, x, labels, x.narrow(0, 0, 1), optimizer, new VatOptions());

        Assert.True(double.IsFinite(result.Total));
    }

    private static (Tensor LabeledX, Tensor Labels, Tensor UnlabeledX) Batches(int labeled, int unlabeled)
    {
        var generator = new Generator(5);
        Tensor labeledX = randn(new long[] { labeled, 1, 4, 4 }, dtype: ScalarType.Float64, generator: generator);
        Tensor labels = randint(0, 3, new long[] { labeled }, dtype: ScalarType.Int64, generator: generator);
        Tensor unlabeledX = randn(new long[] { unlabeled, 1, 4, 4 }, dtype: ScalarType.Float64, generator: generator);
        return (labeledX, labels, unlabeledX);
    }

    private static Tensor RunningMean(nn.Module model) =>
        model.named_buffers().Single(b => b.name == "bn1d.running_mean").buffer;
}

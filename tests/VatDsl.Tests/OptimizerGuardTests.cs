using System;
using System.Linq;
using TorchSharp;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests;

/// <summary>A training step rejects an optimizer that updates none of the model's parameters.</summary>
public sealed class OptimizerGuardTests
{
    [Fact]
    public void Step_rejects_optimizer_of_other_model()
    {
        using var scope = NewDisposeScope();
        var (x, labels) = SyntheticData.Blobs(8, 4, 3, seed: 1);
        var model = TestModels.Mlp(4, 8, 3, seed: 1);
        var other = TestModels.Mlp(4, 8, 3, seed: 2);
        using var optimizer = optim.SGD(other.parameters(), 0.1);
        Tensor[] before = model.parameters().Select(p => p.detach().clone()).ToArray();

        var error = Assert.Throws<ArgumentException>(
            () => VatTraining.Step(model, x, labels, x, optimizer, new VatOptions()));

        Assert.Equal("optimizer", error.ParamName);
        Assert.Contains("none of this network's 4 parameters", error.Message);
        Assert.Contains("model.parameters()", error.Message);
        Assert.Contains("device", error.Message);
        Tensor[] after = model.parameters().ToArray();
        for (int i = 0; i < before.Length; i++)
        {
            Assert.True(before[i].eq(after[i]).all().item<bool>(), $"Parameter {i} changed.");
        }
    }

    [Fact]
    public void SupervisedStep_rejects_optimizer_of_other_model()
    {
        using var scope = NewDisposeScope();
        var (x, labels) = SyntheticData.Blobs(8, 4, 3, seed: 1);
        var model = TestModels.Mlp(4, 8, 3, seed: 1);
        var other = TestModels.Mlp(4, 8, 3, seed: 2);
        using var optimizer = optim.Adam(other.parameters(), 1e-3);

        var error = Assert.Throws<ArgumentException>(() => VatTraining.SupervisedStep(model, x, labels, optimizer));

        Assert.Equal("optimizer", error.ParamName);
    }

    [Fact]
    public void Rejection_is_not_cached_as_success()
    {
        using var scope = NewDisposeScope();
        var (x, labels) = SyntheticData.Blobs(8, 4, 3, seed: 1);
        var model = TestModels.Mlp(4, 8, 3, seed: 1);
        var other = TestModels.Mlp(4, 8, 3, seed: 2);
        using var optimizer = optim.SGD(other.parameters(), 0.1);

        Assert.Throws<ArgumentException>(() => VatTraining.SupervisedStep(model, x, labels, optimizer));
        Assert.Throws<ArgumentException>(() => VatTraining.SupervisedStep(model, x, labels, optimizer));
    }

    [Fact]
    public void Optimizer_of_part_of_model_is_accepted()
    {
        using var scope = NewDisposeScope();
        var (x, labels) = SyntheticData.Blobs(8, 4, 3, seed: 1);
        var model = TestModels.Mlp(4, 8, 3, seed: 1);
        using var optimizer = optim.SGD(model.parameters().Take(1), 0.1);

        VatStepResult result = VatTraining.SupervisedStep(model, x, labels, optimizer);

        Assert.True(double.IsFinite(result.Total));
    }

    /// <summary>
    /// LBFGS is a native optimizer in TorchSharp 0.107, so its parameters() wraps the native
    /// tensors in new objects. The guard must still recognize them by storage address.
    /// </summary>
    [Fact]
    public void Guard_accepts_managed_and_native_optimizers()
    {
        using var scope = NewDisposeScope();
        var model = TestModels.Mlp(4, 8, 3, seed: 1);
        using var sgd = optim.SGD(model.parameters(), 0.1);
        using var adam = optim.Adam(model.parameters(), 1e-3);
        using var lbfgs = optim.LBFGS(model.parameters());

        OptimizerGuard.EnsureOptimizesModel(model, sgd, "optimizer");
        OptimizerGuard.EnsureOptimizesModel(model, adam, "optimizer");
        OptimizerGuard.EnsureOptimizesModel(model, lbfgs, "optimizer");
    }
}

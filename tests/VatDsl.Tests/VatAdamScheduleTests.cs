using System;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests;

/// <summary>The official schedule: constant Adam, then a linear learning-rate decay with beta1 = 0.5.</summary>
public sealed class VatAdamScheduleTests
{
    [Theory]
    [InlineData(0, 0.001, 0.9)]
    [InlineData(79, 0.001, 0.9)]
    [InlineData(80, 0.001, 0.5)]
    [InlineData(100, 0.0005, 0.5)]
    [InlineData(119, 0.001 / 40, 0.5)]
    public void Official_values_per_epoch(int epoch, double learningRate, double beta1)
    {
        var schedule = new VatAdamSchedule(totalEpochs: 120, decayStartEpoch: 80);

        Assert.Equal(learningRate, schedule.LearningRateAt(epoch), 15);
        Assert.Equal(beta1, schedule.Beta1At(epoch));
    }

    [Theory]
    [InlineData(0, 0.001, 0.9)]
    [InlineData(1999, 0.001, 0.9)]
    [InlineData(2000, 0.001, 0.5)]
    [InlineData(2500, 0.0005, 0.5)]
    [InlineData(2999, 0.001 / 1000, 0.5)]
    public void Per_step_values_of_3000_steps(int step, double learningRate, double beta1)
    {
        var schedule = VatAdamSchedule.PerStep(3000);

        Assert.Equal(3000, schedule.TotalEpochs);
        Assert.Equal(2000, schedule.DecayStartEpoch);
        Assert.Equal(learningRate, schedule.LearningRateAt(step), 15);
        Assert.Equal(beta1, schedule.Beta1At(step));
    }

    [Fact]
    public void Per_step_handles_short_and_long_runs()
    {
        var single = VatAdamSchedule.PerStep(1, learningRate: 0.01);
        var longest = VatAdamSchedule.PerStep(int.MaxValue);

        Assert.Equal(0, single.DecayStartEpoch);
        Assert.Equal(0.01, single.LearningRateAt(0), 15);
        Assert.Equal(1431655764, longest.DecayStartEpoch);
        Assert.Equal("totalSteps", Assert.Throws<ArgumentOutOfRangeException>(() => VatAdamSchedule.PerStep(0)).ParamName);
    }

    [Fact]
    public void Apply_sets_adam_groups()
    {
        using var scope = NewDisposeScope();
        var model = TestModels.Mlp(4, 8, 3);
        var schedule = new VatAdamSchedule(totalEpochs: 10, decayStartEpoch: 6);
        using Adam adam = schedule.CreateOptimizer(model.parameters());

        schedule.Apply(adam, 8);

        var group = (Adam.ParamGroup)adam.ParamGroups.Single();
        Assert.Equal(0.001 * 2 / 4, group.LearningRate, 15);
        Assert.Equal((0.5, 0.999), group.Betas);
    }

    [Fact]
    public void Apply_sets_learning_rate_of_sgd()
    {
        using var scope = NewDisposeScope();
        var model = TestModels.Mlp(4, 8, 3);
        var schedule = new VatAdamSchedule(totalEpochs: 4, decayStartEpoch: 2, learningRate: 0.1);
        using var sgd = optim.SGD(model.parameters(), 0.1);

        schedule.Apply(sgd, 3);

        Assert.Equal(0.05, sgd.ParamGroups.Single().LearningRate, 15);
    }

    [Fact]
    public void Invalid_arguments_are_rejected()
    {
        var schedule = new VatAdamSchedule(totalEpochs: 10, decayStartEpoch: 6);

        Assert.Equal("decayStartEpoch", Assert.Throws<ArgumentOutOfRangeException>(() => new VatAdamSchedule(10, 10)).ParamName);
        Assert.Equal("decayBeta1", Assert.Throws<ArgumentOutOfRangeException>(() => new VatAdamSchedule(10, 5, decayBeta1: 1.0)).ParamName);
        Assert.Equal("epoch", Assert.Throws<ArgumentOutOfRangeException>(() => schedule.LearningRateAt(10)).ParamName);
    }
}

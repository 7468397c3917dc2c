using System;
using TorchSharp;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests;

/// <summary>Bad inputs and options get exceptions that name the value and the fix.</summary>
public sealed class TrainingValidationTests
{
    [Theory]
    [InlineData(3L)]
    [InlineData(-1L)]
    public void Label_outside_classes_is_rejected(long badLabel)
    {
        using var scope = NewDisposeScope();
        var (x, labels) = SyntheticData.Blobs(4, 4, 3, seed: 1);
        labels[1] = tensor(badLabel);
        var model = TestModels.Mlp(4, 8, 3);
        using var optimizer = optim.SGD(model.parameters(), 0.1);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => VatTraining.Step(model, x, labels, x, optimizer, new VatOptions()));

        Assert.Equal("labels", error.ParamName);
        Assert.Contains($"class index {badLabel}", error.Message);
        Assert.Contains("[0, 2]", error.Message);
    }

    [Fact]
    public void Int32_labels_are_rejected()
    {
        using var scope = NewDisposeScope();
        var (x, labels) = SyntheticData.Blobs(4, 4, 3, seed: 1);
        var model = TestModels.Mlp(4, 8, 3);
        using var optimizer = optim.SGD(model.parameters(), 0.1);

        var error = Assert.Throws<ArgumentException>(
            () => VatTraining.SupervisedStep(model, x, labels.to_type(ScalarType.Int32), optimizer));

        Assert.Contains("int64", error.Message);
    }

    [Fact]
    public void Label_count_mismatch_is_rejected()
    {
        using var scope = NewDisposeScope();
        var (x, labels) = SyntheticData.Blobs(4, 4, 3, seed: 1);
        var model = TestModels.Mlp(4, 8, 3);

        var error = Assert.Throws<ArgumentException>(() => VatTraining.Evaluate(model, x, labels.narrow(0, 0, 3)));

        Assert.Contains("4 samples", error.Message);
    }

    [Fact]
    public void Half_precision_input_is_rejected()
    {
        using var scope = NewDisposeScope();
        var (x, labels) = SyntheticData.Blobs(4, 4, 3, seed: 1);
        var model = TestModels.Mlp(4, 8, 3);
        using var optimizer = optim.SGD(model.parameters(), 0.1);

        var error = Assert.Throws<ArgumentException>(
            () => VatTraining.SupervisedStep(model, x.to_type(ScalarType.Float16), labels, optimizer));

        Assert.Equal("labeledX", error.ParamName);
        Assert.Contains("float32 or float64", error.Message);
    }

    [Fact]
    public void Dtype_mismatch_with_model_is_rejected()
    {
        using var scope = NewDisposeScope();
        var (x, labels) = SyntheticData.Blobs(4, 4, 3, seed: 1);
        var model = TestModels.Mlp(4, 8, 3, dtype: ScalarType.Float64);
        using var optimizer = optim.SGD(model.parameters(), 0.1);

        var error = Assert.Throws<ArgumentException>(() => VatTraining.Step(model, x, labels, x, optimizer, new VatOptions()));

        Assert.Contains("Float32", error.Message);
        Assert.Contains("Float64", error.Message);
    }

    [Fact]
    public void Empty_batch_is_rejected()
    {
        using var scope = NewDisposeScope();
        var (x, labels) = SyntheticData.Blobs(4, 4, 3, seed: 1);
        var model = TestModels.Mlp(4, 8, 3);
        using var optimizer = optim.SGD(model.parameters(), 0.1);

        var error = Assert.Throws<ArgumentException>(
            () => VatTraining.Step(model, x, labels, x.narrow(0, 0, 0), optimizer, new VatOptions()));

        Assert.Equal("unlabeledX", error.ParamName);
        Assert.Contains("at least 1 sample", error.Message);
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        using var scope = NewDisposeScope();
        var (x, labels) = SyntheticData.Blobs(4, 4, 3, seed: 1);
        var model = TestModels.Mlp(4, 8, 3);
        using var optimizer = optim.SGD(model.parameters(), 0.1);

        var xi = Assert.Throws<ArgumentOutOfRangeException>(
            () => VatTraining.Step(model, x, labels, x, optimizer, new VatOptions { Xi = 0 }));
        var normalization = Assert.Throws<ArgumentOutOfRangeException>(
            () => VatLoss.Compute(model, x, new VatOptions { Normalization = (DirectionNormalization)7 }));

        Assert.Equal("Xi", xi.ParamName);
        Assert.Equal("Normalization", normalization.ParamName);
        Assert.Contains("Stabilized", normalization.Message);
    }

    [Fact]
    public void Evaluate_rejects_zero_batch_size()
    {
        using var scope = NewDisposeScope();
        var (x, labels) = SyntheticData.Blobs(4, 4, 3, seed: 1);
        var model = TestModels.Mlp(4, 8, 3);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => VatTraining.Evaluate(model, x, labels, batchSize: 0));

        Assert.Equal("batchSize", error.ParamName);
    }

    [Fact]
    public void Non_logit_output_is_rejected()
    {
        using var scope = NewDisposeScope();
        Tensor x = randn(4, 1, 4, 4);
        var model = nn.Sequential(("conv", nn.Conv2d(1, 2, 3)));

        var error = Assert.Throws<ArgumentException>(() => VatLoss.Compute(model, x, new VatOptions()));

        Assert.Contains("(4, 2, 2, 2)", error.Message);
        Assert.Contains("(batch, classes)", error.Message);
    }

    [Fact]
    public void Initial_direction_shape_mismatch_is_rejected()
    {
        using var scope = NewDisposeScope();
        var (x, _) = SyntheticData.Blobs(4, 4, 3, seed: 1);
        var model = TestModels.Mlp(4, 8, 3);

        var error = Assert.Throws<ArgumentException>(() => VatLoss.Compute(model, x, randn(4, 5), new VatOptions()));

        Assert.Equal("initialDirection", error.ParamName);
    }
}

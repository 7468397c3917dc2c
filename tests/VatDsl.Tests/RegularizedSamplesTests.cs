using System;
using TorchSharp;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests;

/// <summary>Which samples the LDS covers: the unlabeled batch, or the labeled and unlabeled batches together.</summary>
public sealed class RegularizedSamplesTests
{
    [Fact]
    public void Unlabeled_is_the_default()
    {
        Assert.Equal(RegularizedSamples.Unlabeled, new VatOptions().RegularizedSamples);
    }

    [Fact]
    public void Unlabeled_regularizes_unlabeled_batch_only()
    {
        using var scope = NewDisposeScope();
        var (labeledX, labels) = SyntheticData.Blobs(3, 4, 3, seed: 1, dtype: ScalarType.Float64);
        var (unlabeledX, _) = SyntheticData.Blobs(5, 4, 3, seed: 2, dtype: ScalarType.Float64);
        var model = TestModels.Mlp(4, 8, 3, dtype: ScalarType.Float64);
        Tensor d0 = randn(5, 4, dtype: ScalarType.Float64);

        VatLossTerms terms = VatTraining.ComputeLoss(model, labeledX, labels, unlabeledX, d0, new VatOptions());
        VatLossResult alone = VatLoss.Compute(model, unlabeledX, d0, new VatOptions());

        Assert.Equal(5, terms.Vat.LdsPerSample.shape[0]);
        Assert.True(TensorAssert.Identical(alone.LdsPerSample, terms.Vat.LdsPerSample));
    }

    [Fact]
    public void Both_batches_are_regularized_labeled_first()
    {
        using var scope = NewDisposeScope();
        var (labeledX, labels) = SyntheticData.Blobs(3, 4, 3, seed: 1, dtype: ScalarType.Float64);
        var (unlabeledX, _) = SyntheticData.Blobs(5, 4, 3, seed: 2, dtype: ScalarType.Float64);
        var model = TestModels.Mlp(4, 8, 3, dtype: ScalarType.Float64);
        Tensor d0 = randn(8, 4, dtype: ScalarType.Float64);
        var options = new VatOptions { RegularizedSamples = RegularizedSamples.LabeledAndUnlabeled };

        VatLossTerms terms = VatTraining.ComputeLoss(model, labeledX, labels, unlabeledX, d0, options);
        VatLossResult concatenated = VatLoss.Compute(model, cat(new[] { labeledX, unlabeledX }, 0), d0, options);

        Assert.Equal(8, terms.Vat.LdsPerSample.shape[0]);
        Assert.True(TensorAssert.Identical(concatenated.LdsPerSample, terms.Vat.LdsPerSample));
    }

    [Fact]
    public void Mismatched_sample_shapes_are_rejected()
    {
        using var scope = NewDisposeScope();
        var model = nn.Sequential(("flatten", nn.Flatten()), ("fc", nn.Linear(4, 3)));
        Tensor labeledX = randn(3, 4);
        Tensor labels = tensor(new long[] { 0, 1, 2 });
        Tensor unlabeledX = randn(5, 2, 2);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var options = new VatOptions { RegularizedSamples = RegularizedSamples.LabeledAndUnlabeled };

        var error = Assert.Throws<ArgumentException>(() => VatTraining.Step(model, labeledX, labels, unlabeledX, optimizer, options));

        Assert.Equal("unlabeledX", error.ParamName);
        Assert.Contains("(5, 2, 2)", error.Message);
    }
}

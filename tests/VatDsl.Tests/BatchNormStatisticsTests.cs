using System;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests;

/// <summary>Re-estimating BatchNorm running statistics from training batches before evaluation.</summary>
public sealed class BatchNormStatisticsTests
{
    /// <summary>
    /// The input of the first BatchNorm layer is conv(x), which does not depend on other BatchNorm layers,
    /// so its new running statistics must equal the size-weighted mean of the per-batch mean
    /// and unbiased variance of conv(x). Both sides sum a few hundred float64 values, so they
    /// agree to 1e-12.
    /// </summary>
    [Fact]
    public void Running_statistics_average_batch_statistics()
    {
        using var scope = NewDisposeScope();
        var model = TestModels.WithBatchNorm();
        var conv = (Conv2d)model.named_modules().Single(m => m.name == "conv").module;
        var batchNorm = (BatchNorm2d)model.named_modules().Single(m => m.name == "bn2d").module;
        Tensor x = randn(40, 1, 4, 4, dtype: ScalarType.Float64) * 2 + 1;
        Tensor[] batches = { x.narrow(0, 0, 16), x.narrow(0, 16, 16), x.narrow(0, 32, 8) };

        int updated = BatchNormStatistics.Reestimate(model, batches);

        Assert.Equal(2, updated);
        Tensor expectedMean = zeros(3, dtype: ScalarType.Float64);
        Tensor expectedVariance = zeros(3, dtype: ScalarType.Float64);
        using (no_grad())
        {
            foreach (Tensor batch in batches)
            {
                Tensor features = conv.call(batch).transpose(0, 1).reshape(3, -1);
                expectedMean += features.mean(new long[] { 1 }) * batch.shape[0];
                expectedVariance += features.var(1) * batch.shape[0];
            }
        }

        TensorAssert.AbsoluteClose(TensorAssert.Values(expectedMean / 40), batchNorm.running_mean!, 1e-12, "running_mean");
        TensorAssert.AbsoluteClose(TensorAssert.Values(expectedVariance / 40), batchNorm.running_var!, 1e-12, "running_var");
        Assert.Equal(3.0, batchNorm.num_batches_tracked!.to_type(ScalarType.Float64).item<double>());
    }

    [Fact]
    public void Flags_and_momentum_are_restored()
    {
        using var scope = NewDisposeScope();
        var model = TestModels.WithBatchNorm();
        model.train();
        var batchNorm = (BatchNorm1d)model.named_modules().Single(m => m.name == "bn1d").module;
        batchNorm.momentum = 0.3;

        BatchNormStatistics.Reestimate(model, new[] { randn(8, 1, 4, 4, dtype: ScalarType.Float64) });

        Assert.True(model.training);
        Assert.True(batchNorm.training);
        Assert.Equal(0.3, batchNorm.momentum);
    }

    [Fact]
    public void Nan_statistics_are_replaced()
    {
        using var scope = NewDisposeScope();
        var model = TestModels.WithBatchNorm();
        var batchNorm = (BatchNorm1d)model.named_modules().Single(m => m.name == "bn1d").module;
        batchNorm.running_mean!.fill_(double.NaN);

        BatchNormStatistics.Reestimate(model, new[] { randn(8, 1, 4, 4, dtype: ScalarType.Float64) });

        Assert.True(batchNorm.running_mean.isfinite().all().item<bool>());
    }

    [Fact]
    public void Empty_batches_keep_statistics()
    {
        using var scope = NewDisposeScope();
        var model = TestModels.WithBatchNorm();
        model.train();
        using (no_grad())
        {
            model.call(randn(8, 1, 4, 4, dtype: ScalarType.Float64));
        }

        byte[][] before = model.named_buffers().Select(b => b.buffer.bytes.ToArray()).ToArray();

        var error = Assert.Throws<ArgumentException>(() => BatchNormStatistics.Reestimate(model, Array.Empty<Tensor>()));

        Assert.Equal("batches", error.ParamName);
        byte[][] after = model.named_buffers().Select(b => b.buffer.bytes.ToArray()).ToArray();
        Assert.All(Enumerable.Range(0, before.Length), i => Assert.Equal(before[i], after[i]));
    }

    [Fact]
    public void Model_without_batch_norm_is_unchanged()
    {
        using var scope = NewDisposeScope();
        var model = TestModels.Mlp(4, 8, 3);

        Assert.Equal(0, BatchNormStatistics.Reestimate(model, new[] { randn(8, 4) }));
    }
}

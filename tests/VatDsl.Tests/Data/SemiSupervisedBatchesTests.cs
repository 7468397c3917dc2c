using System;
using System.Linq;
using TorchSharp;
using VatDsl.Data;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests.Data;

public sealed class SemiSupervisedBatchesTests
{
    [Fact]
    public void Batches_have_requested_sizes_and_matching_labels()
    {
        // Image i is filled with the value i and labeled i mod 10, so a batch shows which samples it holds.
        using Tensor images = arange(60, dtype: ScalarType.Float32).reshape(60, 1, 1, 1).expand(60, 1, 2, 2).contiguous();
        using Tensor labels = arange(60, dtype: ScalarType.Int64).remainder(10);
        DataSplit split = ClassBalancedSplit.Draw(Enumerable.Range(0, 60).Select(i => i % 10).ToArray(), 10, 20, 0, seed: 1);
        var batches = new SemiSupervisedBatches(images, labels, split, labeledBatchSize: 4, unlabeledBatchSize: 12, seed: 2);

        using (NewDisposeScope())
        {
            var (labeledImages, batchLabels, unlabeledImages) = batches.Next();

            Assert.Equal([4L, 1, 2, 2], labeledImages.shape);
            Assert.Equal([4L], batchLabels.shape);
            Assert.Equal([12L, 1, 2, 2], unlabeledImages.shape);
            Assert.Equal(ScalarType.Int64, batchLabels.dtype);

            long[] sampleIds = labeledImages[.., 0, 0, 0].to_type(ScalarType.Int64).data<long>().ToArray();
            Assert.All(sampleIds, id => Assert.Contains((int)id, split.Labeled));
            Assert.Equal(sampleIds.Select(id => id % 10), batchLabels.data<long>().ToArray());
        }
    }

    [Fact]
    public void Same_seed_gives_same_batches()
    {
        using Tensor images = arange(60, dtype: ScalarType.Float32).reshape(60, 1, 1, 1);
        using Tensor labels = arange(60, dtype: ScalarType.Int64).remainder(10);
        DataSplit split = ClassBalancedSplit.Draw(Enumerable.Range(0, 60).Select(i => i % 10).ToArray(), 10, 20, 0, seed: 1);
        var first = new SemiSupervisedBatches(images, labels, split, 4, 12, seed: 5);
        var second = new SemiSupervisedBatches(images, labels, split, 4, 12, seed: 5);

        for (int step = 0; step < 10; step++)
        {
            using var scope = NewDisposeScope();
            var a = first.Next();
            var b = second.Next();
            Assert.Equal(a.LabeledImages.data<float>().ToArray(), b.LabeledImages.data<float>().ToArray());
            Assert.Equal(a.Labels.data<long>().ToArray(), b.Labels.data<long>().ToArray());
            Assert.Equal(a.UnlabeledImages.data<float>().ToArray(), b.UnlabeledImages.data<float>().ToArray());
        }
    }

    [Fact]
    public void Labeled_only_batches_follow_same_order()
    {
        using Tensor images = arange(60, dtype: ScalarType.Float32).reshape(60, 1, 1, 1);
        using Tensor labels = arange(60, dtype: ScalarType.Int64).remainder(10);
        DataSplit split = ClassBalancedSplit.Draw(Enumerable.Range(0, 60).Select(i => i % 10).ToArray(), 10, 20, 0, seed: 1);
        var both = new SemiSupervisedBatches(images, labels, split, 4, 12, seed: 5);
        var labeledOnly = new SemiSupervisedBatches(images, labels, split, 4, 12, seed: 5);

        for (int step = 0; step < 10; step++)
        {
            using var scope = NewDisposeScope();
            var a = both.Next();
            var b = labeledOnly.NextLabeled();
            Assert.Equal(a.LabeledImages.data<float>().ToArray(), b.LabeledImages.data<float>().ToArray());
            Assert.Equal(a.Labels.data<long>().ToArray(), b.Labels.data<long>().ToArray());
        }

        Assert.Equal(2, labeledOnly.LabeledEpoch);
        Assert.Equal(0, labeledOnly.UnlabeledEpoch);
    }

    [Fact]
    public void Mismatched_label_count_is_rejected()
    {
        using Tensor images = zeros(60, 1, 2, 2);
        using Tensor labels = zeros(59, dtype: ScalarType.Int64);
        DataSplit split = new([0, 1], [], Enumerable.Range(0, 60).ToArray());

        var error = Assert.Throws<ArgumentException>(() => new SemiSupervisedBatches(images, labels, split, 2, 2, seed: 1));

        Assert.Contains("images has 60 samples", error.Message);
    }

    [Fact]
    public void Index_outside_images_is_rejected()
    {
        using Tensor images = zeros(10, 1, 2, 2);
        using Tensor labels = zeros(10, dtype: ScalarType.Int64);
        DataSplit split = new([0, 10], [], Enumerable.Range(0, 10).ToArray());

        var error = Assert.Throws<ArgumentException>(() => new SemiSupervisedBatches(images, labels, split, 2, 2, seed: 1));

        Assert.Contains("split.Labeled contains index 10, outside the 10 images", error.Message);
    }
}

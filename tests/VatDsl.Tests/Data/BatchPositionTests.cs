using System;
using System.Linq;
using VatDsl.Data;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests.Data;

public sealed class BatchPositionTests
{
    private static readonly int[] Indices = Enumerable.Range(0, 30).ToArray();

    [Fact]
    public void Skip_matches_drawn_batches()
    {
        var drawn = new MinibatchSampler(Indices, batchSize: 7, seed: 5);
        var skipped = new MinibatchSampler(Indices, batchSize: 7, seed: 5);
        for (int i = 0; i < 11; i++)
        {
            drawn.NextBatch();
        }

        skipped.Skip(11);

        Assert.Equal(11, skipped.BatchesDrawn);
        Assert.Equal(drawn.BatchesDrawn, skipped.BatchesDrawn);
        Assert.Equal(drawn.Epoch, skipped.Epoch);
        Assert.Equal(drawn.Fingerprint(), skipped.Fingerprint());
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(drawn.NextBatch(), skipped.NextBatch());
        }
    }

    [Fact]
    public void Fingerprint_changes_with_position()
    {
        var sampler = new MinibatchSampler(Indices, batchSize: 7, seed: 5);
        ulong before = sampler.Fingerprint();

        sampler.NextBatch();

        Assert.NotEqual(before, sampler.Fingerprint());
    }

    [Fact]
    public void Restore_continues_batch_order()
    {
        using Tensor images = arange(40, dtype: ScalarType.Float32).reshape(40, 1);
        using Tensor labels = arange(40, dtype: ScalarType.Int64);
        var split = new DataSplit(Enumerable.Range(0, 10).ToArray(), [], Enumerable.Range(0, 40).ToArray());
        var original = new SemiSupervisedBatches(images, labels, split, 4, 6, seed: 2);
        for (int i = 0; i < 5; i++)
        {
            using var scope = NewDisposeScope();
            original.Next();
        }

        using (var scope = NewDisposeScope())
        {
            original.NextLabeled();
        }

        BatchPosition position = original.Position;
        var restored = new SemiSupervisedBatches(images, labels, split, 4, 6, seed: 2);

        restored.Restore(position);

        Assert.Equal(new BatchPosition(6, 5, position.LabeledFingerprint, position.UnlabeledFingerprint), position);
        Assert.Equal(position, restored.Position);
        for (int i = 0; i < 4; i++)
        {
            using var scope = NewDisposeScope();
            var expected = original.Next();
            var actual = restored.Next();
            Assert.Equal(expected.Labels.data<long>().ToArray(), actual.Labels.data<long>().ToArray());
            Assert.Equal(expected.UnlabeledImages.data<float>().ToArray(), actual.UnlabeledImages.data<float>().ToArray());
        }
    }

    [Fact]
    public void Restore_with_other_seed_is_rejected()
    {
        using Tensor images = zeros(40, 1);
        using Tensor labels = zeros(40, dtype: ScalarType.Int64);
        var split = new DataSplit(Enumerable.Range(0, 10).ToArray(), [], Enumerable.Range(0, 40).ToArray());
        var original = new SemiSupervisedBatches(images, labels, split, 4, 6, seed: 2);
        using (var scope = NewDisposeScope())
        {
            original.Next();
        }

        var other = new SemiSupervisedBatches(images, labels, split, 4, 6, seed: 3);

        var error = Assert.Throws<ArgumentException>(() => other.Restore(original.Position));

        Assert.Contains("After 1 labeled and 1 unlabeled batches the batch order differs from the saved one", error.Message);
    }

    [Fact]
    public void Restore_after_drawing_is_rejected()
    {
        using Tensor images = zeros(40, 1);
        using Tensor labels = zeros(40, dtype: ScalarType.Int64);
        var split = new DataSplit(Enumerable.Range(0, 10).ToArray(), [], Enumerable.Range(0, 40).ToArray());
        var batches = new SemiSupervisedBatches(images, labels, split, 4, 6, seed: 2);
        BatchPosition start = batches.Position;
        using (var scope = NewDisposeScope())
        {
            batches.NextLabeled();
        }

        var error = Assert.Throws<InvalidOperationException>(() => batches.Restore(start));

        Assert.Contains("have drawn 1 labeled and 0 unlabeled batches", error.Message);
    }
}

using System;
using System.Linq;
using VatDsl.Data;
using Xunit;

namespace VatDsl.Tests.Data;

public sealed class MinibatchSamplerTests
{
    private static readonly int[] Indices = Enumerable.Range(100, 50).ToArray();

    [Fact]
    public void Same_seed_gives_same_batches()
    {
        var first = new MinibatchSampler(Indices, batchSize: 8, seed: 7);
        var second = new MinibatchSampler(Indices, batchSize: 8, seed: 7);

        for (int step = 0; step < 20; step++)
        {
            Assert.Equal(first.NextBatch(), second.NextBatch());
        }
    }

    [Fact]
    public void Different_seeds_give_different_batches()
    {
        var first = new MinibatchSampler(Indices, batchSize: 8, seed: 7);
        var second = new MinibatchSampler(Indices, batchSize: 8, seed: 8);

        Assert.NotEqual(first.NextBatch(), second.NextBatch());
    }

    [Fact]
    public void Epoch_covers_every_index_once()
    {
        var sampler = new MinibatchSampler(Indices, batchSize: 10, seed: 1);

        long[] epoch = Enumerable.Range(0, 5).SelectMany(_ => sampler.NextBatch()).ToArray();

        Assert.Equal(Indices.Select(i => (long)i), epoch.Order());
        Assert.Equal(1, sampler.Epoch);
    }

    [Fact]
    public void Reshuffles_each_epoch()
    {
        var sampler = new MinibatchSampler(Indices, batchSize: 50, seed: 1);

        long[] first = sampler.NextBatch();
        long[] second = sampler.NextBatch();

        Assert.Equal(first.Order(), second.Order());
        Assert.NotEqual(first, second);
        Assert.Equal(2, sampler.Epoch);
    }

    [Fact]
    public void Batch_across_epoch_boundary_has_full_size()
    {
        var sampler = new MinibatchSampler(Indices, batchSize: 16, seed: 3);

        long[][] batches = Enumerable.Range(0, 10).Select(_ => sampler.NextBatch()).ToArray();

        Assert.All(batches, batch => Assert.Equal(16, batch.Length));
        Assert.All(batches.SelectMany(b => b), index => Assert.InRange(index, 100, 149));
        Assert.Equal(3, sampler.Epoch);

        // 160 draws over 50 indices: the first 150 are three full permutations.
        long[] drawn = batches.SelectMany(b => b).ToArray();
        for (int epoch = 0; epoch < 3; epoch++)
        {
            Assert.Equal(Indices.Select(i => (long)i), drawn.Skip(50 * epoch).Take(50).Order());
        }
    }

    [Fact]
    public void Batch_larger_than_set_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MinibatchSampler(Indices, batchSize: 51, seed: 1));

        Assert.Contains("batch size 51 exceeds the 50 samples", error.Message);
        Assert.Contains("at most 50", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    public void Batch_size_below_one_is_rejected(int batchSize)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MinibatchSampler(Indices, batchSize, seed: 1));
    }
}

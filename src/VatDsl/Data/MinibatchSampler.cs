using System;
using System.Collections.Generic;
using System.Linq;

namespace VatDsl.Data;

/// <summary>
/// Draws minibatches of sample indices from a fixed set, without replacement within an epoch:
/// it shuffles the set with a seeded random number generator, hands out consecutive batches, and
/// reshuffles when the set is used up. A batch that crosses the end of an epoch takes the rest
/// of the old order and continues with the new one, so every batch has the full size. Such a
/// batch can hold one sample twice, as a shuffled and repeated TensorFlow dataset can.
/// </summary>
public sealed class MinibatchSampler
{
    private readonly long[] _order;
    private readonly Random _random;
    private int _position;

    /// <summary>Creates a sampler over <paramref name="indices"/>.</summary>
    /// <param name="indices">Sample indices to draw from, at least <paramref name="batchSize"/> of them.</param>
    /// <param name="batchSize">Number of indices per batch.</param>
    /// <param name="seed">Seed of the random number generator.</param>
    /// <exception cref="ArgumentException"><paramref name="batchSize"/> is below 1 or above the number of indices.</exception>
    public MinibatchSampler(IReadOnlyList<int> indices, int batchSize, int seed)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (batchSize > indices.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize,
                $"The batch size {batchSize} exceeds the {indices.Count} samples to draw from, so a batch would " +
                $"repeat samples. Use a batch size of at most {indices.Count}, or draw from more samples.");
        }

        _order = indices.Select(i => (long)i).ToArray();
        _random = new Random(seed);
        BatchSize = batchSize;
        _random.Shuffle(_order);
    }

    /// <summary>Number of indices per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Number of passes over the whole set completed so far.</summary>
    public int Epoch { get; private set; }

    /// <summary>Returns the next batch of <see cref="BatchSize"/> indices, as int64 for <c>index_select</c>.</summary>
    public long[] NextBatch()
    {
        long[] batch = new long[BatchSize];
        int filled = 0;
        while (filled < batch.Length)
        {
            if (_position == _order.Length)
            {
                _random.Shuffle(_order);
                _position = 0;
            }

            int take = Math.Min(batch.Length - filled, _order.Length - _position);
            Array.Copy(_order, _position, batch, filled, take);
            _position += take;
            filled += take;
            if (_position == _order.Length)
            {
                Epoch++;
            }
        }

        return batch;
    }
}

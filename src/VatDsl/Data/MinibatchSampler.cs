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

    /// <summary>Number of batches drawn so far, by <see cref="NextBatch"/> or <see cref="Skip"/>.</summary>
    public long BatchesDrawn { get; private set; }

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

        BatchesDrawn++;
        return batch;
    }

    /// <summary>
    /// Draws <paramref name="count"/> batches and discards them. A new sampler with the same
    /// indices, batch size and seed that skips the batches another one drew continues with the
    /// same batches as that one, which is how a resumed training run gets its batch order back.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public void Skip(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);

        // Advances through the same shuffles as NextBatch, without allocating the batches.
        for (long i = 0; i < count; i++)
        {
            int remaining = BatchSize;
            while (remaining > 0)
            {
                if (_position == _order.Length)
                {
                    _random.Shuffle(_order);
                    _position = 0;
                }

                int take = Math.Min(remaining, _order.Length - _position);
                _position += take;
                remaining -= take;
                if (_position == _order.Length)
                {
                    Epoch++;
                }
            }

            BatchesDrawn++;
        }
    }

    /// <summary>
    /// Returns a 64-bit FNV-1a hash, taken one index at a time, of the current shuffled order and
    /// the position in it. Two samplers with equal fingerprints hand out the same next batch with
    /// near certainty, so a resumed run can check that it continues the saved batch order.
    /// </summary>
    public ulong Fingerprint()
    {
        const ulong offsetBasis = 14695981039346656037;
        const ulong prime = 1099511628211;
        ulong hash = offsetBasis;
        foreach (long index in _order)
        {
            hash = (hash ^ (ulong)index) * prime;
        }

        return (hash ^ (ulong)_position) * prime;
    }
}

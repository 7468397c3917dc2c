using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace VatDsl.Samples.FashionMnist;

/// <summary>
/// Measures accuracy with the BatchNorm statistics chosen by --bn-stats, and leaves the
/// network's training state (weights, running statistics, training flags) as it found it.
/// </summary>
internal sealed class ModelEvaluation
{
    /// <summary>Unlabeled training images whose batch statistics replace the running averages under --bn-stats reestimate.</summary>
    public const int ReestimationImages = 10000;

    private readonly nn.Module<Tensor, Tensor> _module;
    private readonly IVatNetwork _network;
    private readonly BatchNormEvaluation _mode;
    private readonly Tensor _images;
    private readonly long[] _reestimationIndices;
    private readonly int _batchSize;
    private readonly Device _device;

    /// <summary>Creates the evaluation of <paramref name="module"/>.</summary>
    /// <param name="module">The network being trained.</param>
    /// <param name="mode">Running averages, or re-estimated statistics.</param>
    /// <param name="images">All training images, owned by the caller.</param>
    /// <param name="unlabeled">Indices of the unlabeled images that re-estimation draws from.</param>
    /// <param name="batchSize">Images per re-estimation batch, the unlabeled batch size of training.</param>
    /// <param name="seed">Seed of the fixed subset of <see cref="ReestimationImages"/> images.</param>
    /// <param name="device">Device of the network.</param>
    public ModelEvaluation(nn.Module<Tensor, Tensor> module, BatchNormEvaluation mode, Tensor images,
        IReadOnlyList<int> unlabeled, int batchSize, int seed, Device device)
    {
        _module = module;
        _network = (IVatNetwork)module;
        _mode = mode;
        _images = images;
        _batchSize = batchSize;
        _device = device;
        long[] indices = unlabeled.Select(i => (long)i).ToArray();
        new Random(seed).Shuffle(indices);
        _reestimationIndices = indices.Take(ReestimationImages).Order().ToArray();
    }

    /// <summary>
    /// Returns the accuracy on each labeled set in <paramref name="sets"/>, null for a set that is
    /// null. Under reestimate the statistics are recomputed once for all the sets and the
    /// running averages of training are written back afterwards.
    /// </summary>
    public double?[] Accuracies(params (Tensor Images, Tensor Labels)?[] sets)
    {
        if (_mode == BatchNormEvaluation.Running)
        {
            return sets.Select(Measure).ToArray();
        }

        // NOTE: BatchNormStatistics.Reestimate restores buffers only on the CPU, so on CUDA it
        // throws NotSupportedException and the run ends with exit code 1.
        List<(Tensor Buffer, Tensor Saved)> saved = SaveBuffers();
        try
        {
            BatchNormStatistics.Reestimate(_module, ReestimationBatches());
            return sets.Select(Measure).ToArray();
        }
        finally
        {
            RestoreBuffers(saved);
        }
    }

    private double? Measure((Tensor Images, Tensor Labels)? set) =>
        set is { } labeled ? _network.Evaluate(labeled.Images, labeled.Labels) : null;

    private IEnumerable<Tensor> ReestimationBatches()
    {
        for (int start = 0; start < _reestimationIndices.Length; start += _batchSize)
        {
            long[] chunk = _reestimationIndices.Skip(start).Take(_batchSize).ToArray();

            // A batch of one would fail in BatchNorm, which needs two values per channel in training mode.
            if (chunk.Length < 2)
            {
                yield break;
            }

            using Tensor indices = tensor(chunk);
            yield return _images.index_select(0, indices).to(_device);
        }
    }

    private List<(Tensor Buffer, Tensor Saved)> SaveBuffers()
    {
        using var noGrad = no_grad();
        return _module.named_buffers().Select(b => (b.buffer, b.buffer.clone().DetachFromDisposeScope())).ToList();
    }

    private static void RestoreBuffers(List<(Tensor Buffer, Tensor Saved)> saved)
    {
        using var noGrad = no_grad();
        foreach (var (buffer, copy) in saved)
        {
            buffer.copy_(copy);
            copy.Dispose();
        }
    }
}

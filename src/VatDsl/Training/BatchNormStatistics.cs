using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VatDsl;

/// <summary>Re-estimates the running statistics of every BatchNorm layer from training data.</summary>
/// <remarks>
/// During training the running statistics trail the weights by their momentum, so right after
/// training (or after a schedule that changes the weights fast) they describe older weights.
/// Re-estimating them with the final weights before evaluation usually helps, as
/// <c>torch.optim.swa_utils.update_bn</c> does for averaged weights.
/// </remarks>
public static class BatchNormStatistics
{
    /// <summary>
    /// Replaces running_mean and running_var of every BatchNorm layer with the average of the
    /// per-batch statistics over <paramref name="batches"/>, weighted by batch size, and sets
    /// num_batches_tracked to the number of batches.
    /// </summary>
    /// <remarks>
    /// The batches run without gradients with every BatchNorm layer in training mode and every
    /// other layer (dropout in particular) in evaluation mode. The training flags and momentum
    /// of all layers are restored afterwards. When a batch throws, or there are no batches, the
    /// previous statistics are restored too.
    /// </remarks>
    /// <returns>The number of BatchNorm layers that were updated.</returns>
    public static int Reestimate(nn.Module<Tensor, Tensor> model, IEnumerable<Tensor> batches)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batches);
        List<BatchNorm> layers = model.modules().OfType<BatchNorm>().Where(b => b.running_mean is not null).ToList();
        if (layers.Count == 0)
        {
            return 0;
        }

        var flags = new[] { (Module: (nn.Module)model, model.training) }
            .Concat(model.modules().Select(m => (Module: m, m.training)))
            .ToList();
        var momenta = layers.Select(layer => layer.momentum).ToList();
        BufferSnapshot previous = BufferSnapshot.Capture(model);
        try
        {
            return Accumulate(model, layers, batches);
        }
        catch
        {
            // Disposing the snapshot writes the previous statistics back.
            previous.Dispose();
            throw;
        }
        finally
        {
            for (int i = 0; i < layers.Count; i++)
            {
                layers[i].momentum = momenta[i];
            }

            foreach (var (module, training) in flags)
            {
                module.train(training);
            }
        }
    }

    private static int Accumulate(nn.Module<Tensor, Tensor> model, List<BatchNorm> layers, IEnumerable<Tensor> batches)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.eval();
        foreach (BatchNorm layer in layers)
        {
            layer.train();

            // With momentum 1 each forward leaves exactly the batch statistics in the buffers:
            // (1 - 1) * old + 1 * batch. Resetting first keeps a NaN left by a diverged run from
            // surviving as 0 * NaN.
            layer.momentum = 1.0;
            layer.running_mean!.zero_();
            layer.running_var!.fill_(1);
        }

        var meanSums = layers.Select(l => zeros_like(l.running_mean!, dtype: ScalarType.Float64)).ToList();
        var varianceSums = layers.Select(l => zeros_like(l.running_var!, dtype: ScalarType.Float64)).ToList();
        long samples = 0;
        long batchCount = 0;
        foreach (Tensor batch in batches)
        {
            TrainingInputGuard.EnsureFloatingBatch(batch, nameof(batches));
            TrainingInputGuard.EnsureMatchesParameters(model, batch, nameof(batches));
            using (NewDisposeScope())
            {
                model.call(batch);
            }

            long size = batch.shape[0];
            for (int i = 0; i < layers.Count; i++)
            {
                meanSums[i].add_(layers[i].running_mean!.to_type(ScalarType.Float64) * size);
                varianceSums[i].add_(layers[i].running_var!.to_type(ScalarType.Float64) * size);
            }

            samples += size;
            batchCount++;
        }

        if (batchCount == 0)
        {
            throw new ArgumentException("batches is empty; pass at least one batch of training inputs.", nameof(batches));
        }

        for (int i = 0; i < layers.Count; i++)
        {
            layers[i].running_mean!.copy_(meanSums[i] / samples);
            layers[i].running_var!.copy_(varianceSums[i] / samples);
            layers[i].num_batches_tracked?.fill_(batchCount);
        }

        return layers.Count;
    }
}

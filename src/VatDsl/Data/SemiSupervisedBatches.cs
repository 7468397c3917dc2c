using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace VatDsl.Data;

/// <summary>
/// Draws the batches of semi-supervised training from one image tensor: a labeled batch from the
/// labeled subset and an unlabeled batch from the unlabeled set, each with its own
/// <see cref="MinibatchSampler"/>. The two samplers take different seeds derived from one seed.
/// </summary>
public sealed class SemiSupervisedBatches
{
    private readonly Tensor _images;
    private readonly Tensor _labels;
    private readonly MinibatchSampler _labeled;
    private readonly MinibatchSampler _unlabeled;

    /// <summary>Creates the sampler pair.</summary>
    /// <param name="images">All training images, shape (N, ...). The caller keeps ownership.</param>
    /// <param name="labels">Class index of every training image, int64, shape (N). The caller keeps ownership.</param>
    /// <param name="split">Labeled and unlabeled indices into <paramref name="images"/>.</param>
    /// <param name="labeledBatchSize">Number of labeled samples per batch.</param>
    /// <param name="unlabeledBatchSize">Number of unlabeled samples per batch.</param>
    /// <param name="seed">Seed from which both samplers derive theirs.</param>
    public SemiSupervisedBatches(Tensor images, Tensor labels, DataSplit split, int labeledBatchSize, int unlabeledBatchSize, int seed)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(split);
        if (labels.ndim != 1 || labels.shape[0] != images.shape[0])
        {
            throw new ArgumentException(
                $"labels has shape ({string.Join(", ", labels.shape)}), but images has {images.shape[0]} samples; pass one label per image.",
                nameof(labels));
        }

        CheckRange(split.Labeled, images.shape[0], nameof(split.Labeled));
        CheckRange(split.Unlabeled, images.shape[0], nameof(split.Unlabeled));

        var seeds = new Random(seed);
        _images = images;
        _labels = labels;
        _labeled = new MinibatchSampler(split.Labeled, labeledBatchSize, seeds.Next());
        _unlabeled = new MinibatchSampler(split.Unlabeled, unlabeledBatchSize, seeds.Next());
    }

    /// <summary>Passes completed over the labeled subset.</summary>
    public int LabeledEpoch => _labeled.Epoch;

    /// <summary>Passes completed over the unlabeled set.</summary>
    public int UnlabeledEpoch => _unlabeled.Epoch;

    /// <summary>Current position in the batch order, to store in a checkpoint.</summary>
    public BatchPosition Position =>
        new(_labeled.BatchesDrawn, _unlabeled.BatchesDrawn, _labeled.Fingerprint(), _unlabeled.Fingerprint());

    /// <summary>
    /// Moves a new instance to <paramref name="position"/>, so that it hands out the batches that
    /// the instance which reported the position would have handed out next.
    /// </summary>
    /// <exception cref="InvalidOperationException">This instance has already drawn batches.</exception>
    /// <exception cref="ArgumentException">
    /// The batch order at that position differs from the saved one, because the images, the split,
    /// a batch size or the seed differ from those of the run that saved it.
    /// </exception>
    public void Restore(BatchPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (_labeled.BatchesDrawn != 0 || _unlabeled.BatchesDrawn != 0)
        {
            throw new InvalidOperationException(
                $"Restore needs batches that have drawn nothing yet, but these have drawn {_labeled.BatchesDrawn} labeled and " +
                $"{_unlabeled.BatchesDrawn} unlabeled batches. Create a new {nameof(SemiSupervisedBatches)} and restore that.");
        }

        if (position.LabeledBatches < 0 || position.UnlabeledBatches < 0)
        {
            throw new ArgumentException(
                $"The position has {position.LabeledBatches} labeled and {position.UnlabeledBatches} unlabeled batches; " +
                "counts cannot be negative.", nameof(position));
        }

        _labeled.Skip(position.LabeledBatches);
        _unlabeled.Skip(position.UnlabeledBatches);
        if (_labeled.Fingerprint() != position.LabeledFingerprint || _unlabeled.Fingerprint() != position.UnlabeledFingerprint)
        {
            throw new ArgumentException(
                $"After {position.LabeledBatches} labeled and {position.UnlabeledBatches} unlabeled batches the batch order " +
                "differs from the saved one, so the run would not continue with the same batches. Use the same training " +
                "images, split, batch sizes and seed as the run that saved the position.", nameof(position));
        }
    }

    /// <summary>
    /// Returns the next labeled images, their labels and the next unlabeled images, on
    /// <paramref name="device"/>. The tensors join the current dispose scope, if any.
    /// </summary>
    public (Tensor LabeledImages, Tensor Labels, Tensor UnlabeledImages) Next(Device? device = null)
    {
        using Tensor labeledIndices = tensor(_labeled.NextBatch());
        using Tensor unlabeledIndices = tensor(_unlabeled.NextBatch());
        Tensor labeledImages = MoveTo(_images.index_select(0, labeledIndices), device);
        Tensor labels = MoveTo(_labels.index_select(0, labeledIndices), device);
        Tensor unlabeledImages = MoveTo(_images.index_select(0, unlabeledIndices), device);
        return (labeledImages, labels, unlabeledImages);
    }

    /// <summary>
    /// Returns the next labeled images and their labels on <paramref name="device"/>, without
    /// drawing from the unlabeled set, for supervised training.
    /// </summary>
    public (Tensor LabeledImages, Tensor Labels) NextLabeled(Device? device = null)
    {
        using Tensor labeledIndices = tensor(_labeled.NextBatch());
        Tensor labeledImages = MoveTo(_images.index_select(0, labeledIndices), device);
        Tensor labels = MoveTo(_labels.index_select(0, labeledIndices), device);
        return (labeledImages, labels);
    }

    private static Tensor MoveTo(Tensor batch, Device? device)
    {
        if (device is null)
        {
            return batch;
        }

        Tensor moved = batch.to(device);
        if (!ReferenceEquals(moved, batch))
        {
            batch.Dispose();
        }

        return moved;
    }

    private static void CheckRange(IReadOnlyList<int> indices, long count, string name)
    {
        foreach (int index in indices)
        {
            if (index < 0 || index >= count)
            {
                throw new ArgumentException(
                    $"split.{name} contains index {index}, outside the {count} images. Draw the split from the same training set.",
                    "split");
            }
        }
    }
}

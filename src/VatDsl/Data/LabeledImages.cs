using System;

namespace VatDsl.Data;

/// <summary>Images and their class labels, read from a pair of IDX files that agree on the sample count.</summary>
public sealed class LabeledImages
{
    /// <summary>
    /// Pairs <paramref name="images"/> (N, rows, columns) with <paramref name="labels"/> (N),
    /// checking the ranks, the counts and that every label is below <paramref name="classCount"/>.
    /// </summary>
    /// <exception cref="IdxFormatException">The files disagree on the count, or a label is out of range.</exception>
    public LabeledImages(IdxArray images, IdxArray labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        if (images.Shape.Count != 3)
        {
            throw new IdxFormatException(images.Source,
                $"{images.Source} has shape ({string.Join(", ", images.Shape)}); an image file needs 3 dimensions (count, rows, columns).");
        }

        if (labels.Shape.Count != 1)
        {
            throw new IdxFormatException(labels.Source,
                $"{labels.Source} has shape ({string.Join(", ", labels.Shape)}); a label file needs 1 dimension (count).");
        }

        if (images.Count != labels.Count)
        {
            throw new IdxFormatException(labels.Source,
                $"{labels.Source} has {labels.Count} labels, but {images.Source} has {images.Count} images; " +
                "the two files must come from the same release. Download both again.");
        }

        for (int i = 0; i < labels.Data.Length; i++)
        {
            if (labels.Data[i] >= classCount)
            {
                throw new IdxFormatException(labels.Source,
                    $"{labels.Source}: label {i} is {labels.Data[i]}; expected a class index from 0 to {classCount - 1}. " +
                    "The file is damaged or belongs to another dataset.");
            }
        }

        Images = images;
        Labels = labels;
        ClassCount = classCount;
    }

    /// <summary>Images, shape (N, rows, columns).</summary>
    public IdxArray Images { get; }

    /// <summary>Class index of each image, shape (N).</summary>
    public IdxArray Labels { get; }

    /// <summary>Number of classes. Every label is below it.</summary>
    public int ClassCount { get; }

    /// <summary>Number of samples.</summary>
    public int Count => Images.Count;
}

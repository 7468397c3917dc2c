using System;
using System.Collections.Generic;
using System.Linq;

namespace VatDsl.Data;

/// <summary>
/// Draws a class-balanced labeled subset, and optionally a class-balanced validation slice, from a
/// labeled training set with a seeded random number generator.
/// </summary>
/// <remarks>
/// A total of N samples gives every class N / C samples, with C the class count. The remainder
/// N mod C adds one sample each to classes 0, 1, ... in label order. The same labels, counts and
/// seed give the same split on every platform. .NET documents that a seeded <see cref="Random"/>
/// may change its sequence between major versions, so a new runtime may draw a different split.
/// </remarks>
public static class ClassBalancedSplit
{
    /// <summary>Draws a split from byte labels, as read from an IDX label file.</summary>
    /// <inheritdoc cref="Draw(ReadOnlySpan{int}, int, int, int, int)"/>
    public static DataSplit Draw(ReadOnlySpan<byte> labels, int classCount, int labeledCount, int validationCount, int seed)
    {
        int[] widened = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            widened[i] = labels[i];
        }

        return Draw(widened, classCount, labeledCount, validationCount, seed);
    }

    /// <summary>Draws a split of <paramref name="labels"/>.</summary>
    /// <param name="labels">Class index of every training sample.</param>
    /// <param name="classCount">Number of classes. Every label must be below it.</param>
    /// <param name="labeledCount">Size of the labeled subset, at least <paramref name="classCount"/>.</param>
    /// <param name="validationCount">Size of the validation slice: 0, or at least <paramref name="classCount"/>.</param>
    /// <param name="seed">Seed of the random number generator.</param>
    /// <exception cref="ArgumentException">A label is out of range, or a class has fewer samples than the split needs.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public static DataSplit Draw(ReadOnlySpan<int> labels, int classCount, int labeledCount, int validationCount, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        if (labeledCount < classCount)
        {
            throw new ArgumentOutOfRangeException(nameof(labeledCount), labeledCount,
                $"The labeled subset has {labeledCount} samples, fewer than the {classCount} classes; " +
                $"a class-balanced subset needs at least one sample per class, so request at least {classCount}.");
        }

        if (validationCount != 0 && validationCount < classCount)
        {
            throw new ArgumentOutOfRangeException(nameof(validationCount), validationCount,
                $"The validation slice has {validationCount} samples, fewer than the {classCount} classes; " +
                $"request 0 (no validation) or at least {classCount}.");
        }

        List<int>[] byClass = GroupByClass(labels, classCount);
        int[] labeledPerClass = Apportion(labeledCount, classCount);
        int[] validationPerClass = Apportion(validationCount, classCount);
        for (int c = 0; c < classCount; c++)
        {
            int needed = labeledPerClass[c] + validationPerClass[c];
            if (byClass[c].Count < needed)
            {
                throw new ArgumentException(
                    $"Class {c} has {byClass[c].Count} samples, but the split needs {labeledPerClass[c]} labeled " +
                    $"plus {validationPerClass[c]} validation samples from it. Request fewer labeled or validation samples.",
                    nameof(labels));
            }
        }

        var random = new Random(seed);
        var labeled = new List<int>(labeledCount);
        var validation = new List<int>(validationCount);
        for (int c = 0; c < classCount; c++)
        {
            int[] members = byClass[c].ToArray();
            random.Shuffle(members);
            labeled.AddRange(members.Take(labeledPerClass[c]));
            validation.AddRange(members.Skip(labeledPerClass[c]).Take(validationPerClass[c]));
        }

        labeled.Sort();
        validation.Sort();
        var validationSet = new HashSet<int>(validation);
        int[] unlabeled = Enumerable.Range(0, labels.Length).Where(i => !validationSet.Contains(i)).ToArray();
        return new DataSplit(labeled.ToArray(), validation.ToArray(), unlabeled);
    }

    private static List<int>[] GroupByClass(ReadOnlySpan<int> labels, int classCount)
    {
        var byClass = new List<int>[classCount];
        for (int c = 0; c < classCount; c++)
        {
            byClass[c] = [];
        }

        for (int i = 0; i < labels.Length; i++)
        {
            int label = labels[i];
            if (label < 0 || label >= classCount)
            {
                throw new ArgumentException(
                    $"Label {i} is {label}; expected a class index from 0 to {classCount - 1}. Check the class count.",
                    nameof(labels));
            }

            byClass[label].Add(i);
        }

        return byClass;
    }

    private static int[] Apportion(int total, int classCount)
    {
        int[] perClass = new int[classCount];
        for (int c = 0; c < classCount; c++)
        {
            perClass[c] = (total / classCount) + (c < total % classCount ? 1 : 0);
        }

        return perClass;
    }
}

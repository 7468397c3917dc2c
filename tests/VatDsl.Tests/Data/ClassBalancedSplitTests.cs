using System;
using System.Linq;
using VatDsl.Data;
using Xunit;

namespace VatDsl.Tests.Data;

public sealed class ClassBalancedSplitTests
{
    // 10 classes with unequal sizes (200 + 10 * c samples), in a scrambled order.
    private static readonly int[] Labels = Enumerable.Range(0, 10)
        .SelectMany(c => Enumerable.Repeat(c, 200 + (10 * c)))
        .Select((label, i) => (label, key: (i * 7919) % 2450))
        .OrderBy(pair => pair.key)
        .Select(pair => pair.label)
        .ToArray();

    [Fact]
    public void Labeled_subset_has_exact_per_class_counts()
    {
        DataSplit split = ClassBalancedSplit.Draw(Labels, classCount: 10, labeledCount: 100, validationCount: 0, seed: 1);

        Assert.Equal(100, split.Labeled.Count);
        for (int c = 0; c < 10; c++)
        {
            Assert.Equal(10, split.Labeled.Count(i => Labels[i] == c));
        }
    }

    [Fact]
    public void Remainder_goes_to_lowest_classes()
    {
        DataSplit split = ClassBalancedSplit.Draw(Labels, classCount: 10, labeledCount: 103, validationCount: 0, seed: 1);

        int[] perClass = Enumerable.Range(0, 10).Select(c => split.Labeled.Count(i => Labels[i] == c)).ToArray();
        Assert.Equal([11, 11, 11, 10, 10, 10, 10, 10, 10, 10], perClass);
    }

    [Fact]
    public void Indices_are_sorted_and_distinct()
    {
        DataSplit split = ClassBalancedSplit.Draw(Labels, classCount: 10, labeledCount: 100, validationCount: 50, seed: 3);

        Assert.Equal(split.Labeled.Order().ToArray(), split.Labeled);
        Assert.Equal(split.Labeled.Count, split.Labeled.Distinct().Count());
        Assert.Equal(split.Validation.Order().ToArray(), split.Validation);
        Assert.Equal(split.Validation.Count, split.Validation.Distinct().Count());
    }

    [Fact]
    public void Same_seed_gives_same_split()
    {
        DataSplit first = ClassBalancedSplit.Draw(Labels, 10, 100, 50, seed: 42);
        DataSplit second = ClassBalancedSplit.Draw(Labels, 10, 100, 50, seed: 42);

        Assert.Equal(first.Labeled, second.Labeled);
        Assert.Equal(first.Validation, second.Validation);
        Assert.Equal(first.Unlabeled, second.Unlabeled);
    }

    [Fact]
    public void Different_seeds_give_different_splits()
    {
        DataSplit first = ClassBalancedSplit.Draw(Labels, 10, 100, 0, seed: 1);
        DataSplit second = ClassBalancedSplit.Draw(Labels, 10, 100, 0, seed: 2);

        Assert.NotEqual(first.Labeled, second.Labeled);
    }

    [Fact]
    public void Validation_is_balanced_and_disjoint()
    {
        DataSplit split = ClassBalancedSplit.Draw(Labels, classCount: 10, labeledCount: 100, validationCount: 200, seed: 5);

        Assert.Equal(200, split.Validation.Count);
        for (int c = 0; c < 10; c++)
        {
            Assert.Equal(20, split.Validation.Count(i => Labels[i] == c));
        }

        Assert.Empty(split.Labeled.Intersect(split.Validation));
    }

    [Fact]
    public void Unlabeled_is_everything_but_validation()
    {
        DataSplit split = ClassBalancedSplit.Draw(Labels, classCount: 10, labeledCount: 100, validationCount: 200, seed: 5);

        Assert.Equal(Labels.Length - 200, split.Unlabeled.Count);
        Assert.Empty(split.Unlabeled.Intersect(split.Validation));
        Assert.Equal(split.Labeled.Count, split.Unlabeled.Intersect(split.Labeled).Count());
        Assert.Equal(Enumerable.Range(0, Labels.Length), split.Unlabeled.Union(split.Validation).Order());
    }

    [Fact]
    public void Without_validation_unlabeled_is_every_sample()
    {
        DataSplit split = ClassBalancedSplit.Draw(Labels, classCount: 10, labeledCount: 100, validationCount: 0, seed: 5);

        Assert.Empty(split.Validation);
        Assert.Equal(Enumerable.Range(0, Labels.Length), split.Unlabeled);
    }

    [Fact]
    public void Byte_labels_give_same_split_as_int_labels()
    {
        byte[] bytes = Labels.Select(label => (byte)label).ToArray();

        DataSplit fromBytes = ClassBalancedSplit.Draw(bytes, 10, 100, 50, seed: 9);
        DataSplit fromInts = ClassBalancedSplit.Draw(Labels, 10, 100, 50, seed: 9);

        Assert.Equal(fromInts.Labeled, fromBytes.Labeled);
        Assert.Equal(fromInts.Validation, fromBytes.Validation);
    }

    [Fact]
    public void Class_with_too_few_samples_is_rejected()
    {
        int[] labels = [.. Enumerable.Repeat(0, 50), .. Enumerable.Repeat(1, 4)];

        var error = Assert.Throws<ArgumentException>(() => ClassBalancedSplit.Draw(labels, 2, labeledCount: 10, validationCount: 0, seed: 1));

        Assert.Contains("Class 1 has 4 samples, but the split needs 5 labeled plus 0 validation", error.Message);
    }

    [Fact]
    public void Validation_counts_toward_class_capacity()
    {
        int[] labels = [.. Enumerable.Repeat(0, 50), .. Enumerable.Repeat(1, 8)];

        var error = Assert.Throws<ArgumentException>(() => ClassBalancedSplit.Draw(labels, 2, labeledCount: 10, validationCount: 10, seed: 1));

        Assert.Contains("Class 1 has 8 samples, but the split needs 5 labeled plus 5 validation", error.Message);
    }

    [Fact]
    public void Fewer_labels_than_classes_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ClassBalancedSplit.Draw(Labels, 10, labeledCount: 9, validationCount: 0, seed: 1));

        Assert.Equal("labeledCount", error.ParamName);
        Assert.Contains("request at least 10", error.Message);
    }

    [Fact]
    public void Validation_below_class_count_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ClassBalancedSplit.Draw(Labels, 10, labeledCount: 10, validationCount: 5, seed: 1));

        Assert.Equal("validationCount", error.ParamName);
    }

    [Fact]
    public void Label_outside_class_range_is_rejected()
    {
        int[] labels = [0, 1, 2, 3];

        var error = Assert.Throws<ArgumentException>(() => ClassBalancedSplit.Draw(labels, 3, labeledCount: 3, validationCount: 0, seed: 1));

        Assert.Contains("Label 3 is 3; expected a class index from 0 to 2", error.Message);
    }
}

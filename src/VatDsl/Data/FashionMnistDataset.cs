using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace VatDsl.Data;

/// <summary>
/// Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): 60000 training and 10000 test images of
/// 28x28 gray pixels in 10 clothing classes, read from the folder holding its four IDX files.
/// MNIST uses the same file names and format, so its folder loads too.
/// </summary>
public sealed class FashionMnistDataset
{
    /// <summary>Folder the Debian package dataset-fashion-mnist installs to.</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>Number of classes.</summary>
    public const int ClassCount = 10;

    /// <summary>Class names, indexed by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
    [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ];

    /// <summary>File names without the .gz suffix, as published.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
    [
        "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte",
    ];

    private FashionMnistDataset(string directory, LabeledImages train, LabeledImages test)
    {
        Directory = directory;
        Train = train;
        Test = test;
    }

    /// <summary>Folder the files were read from.</summary>
    public string Directory { get; }

    /// <summary>Training split (60000 samples in the published files).</summary>
    public LabeledImages Train { get; }

    /// <summary>Test split (10000 samples in the published files).</summary>
    public LabeledImages Test { get; }

    /// <summary>
    /// Reads the four files from <paramref name="directory"/>. Each may be gzip-compressed
    /// (<c>train-images-idx3-ubyte.gz</c>) or plain (<c>train-images-idx3-ubyte</c>, or
    /// <c>train-images.idx3-ubyte</c> as some unpackers name it).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist. The message explains how to install the dataset.</exception>
    /// <exception cref="FileNotFoundException">A file is missing. The message lists the names tried and explains how to install the dataset.</exception>
    /// <exception cref="IdxFormatException">A file is damaged, or an image file and its label file disagree.</exception>
    public static FashionMnistDataset Load(string directory = DefaultDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException(
                $"Fashion-MNIST folder {directory} not found. {InstallHint}");
        }

        var train = new LabeledImages(
            IdxReader.Read(FindFile(directory, FileNames[0]), expectedRank: 3),
            IdxReader.Read(FindFile(directory, FileNames[1]), expectedRank: 1),
            ClassCount);
        var test = new LabeledImages(
            IdxReader.Read(FindFile(directory, FileNames[2]), expectedRank: 3),
            IdxReader.Read(FindFile(directory, FileNames[3]), expectedRank: 1),
            ClassCount);
        return new FashionMnistDataset(directory, train, test);
    }

    private static string InstallHint =>
        $"Install the dataset with `sudo apt-get install dataset-fashion-mnist` (it installs to {DefaultDirectory}), " +
        $"or use a folder that holds {string.Join(", ", FileNames.Select(n => n + ".gz"))} " +
        "(the FashionMnist sample takes it as --data DIR).";

    private static string FindFile(string directory, string name)
    {
        string[] candidates =
        [
            Path.Combine(directory, name + ".gz"),
            Path.Combine(directory, name),
            Path.Combine(directory, name.Replace("-idx", ".idx", StringComparison.Ordinal)),
        ];
        foreach (string candidate in candidates)
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"Fashion-MNIST file {name}.gz not found in {directory} (also tried {Path.GetFileName(candidates[1])} " +
            $"and {Path.GetFileName(candidates[2])}). {InstallHint}",
            candidates[0]);
    }
}

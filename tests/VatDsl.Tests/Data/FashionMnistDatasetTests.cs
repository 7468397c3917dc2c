using System;
using System.IO;
using VatDsl.Data;
using Xunit;

namespace VatDsl.Tests.Data;

public sealed class FashionMnistDatasetTests : IDisposable
{
    private readonly IdxTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Load_reads_both_splits(bool gzip)
    {
        _files.WriteFashionMnist(trainCount: 30, testCount: 20, gzip);

        FashionMnistDataset dataset = FashionMnistDataset.Load(_files.Directory);

        Assert.Equal(30, dataset.Train.Count);
        Assert.Equal(20, dataset.Test.Count);
        Assert.Equal([30, 4, 3], dataset.Train.Images.Shape);
        Assert.Equal([20], dataset.Test.Labels.Shape);
        Assert.Equal(10, dataset.Train.ClassCount);
        Assert.Equal(_files.Directory, dataset.Directory);
    }

    [Fact]
    public void Load_accepts_dotted_unzipped_names()
    {
        _files.Write("train-images.idx3-ubyte", IdxTestFiles.BuildBytes([10, 2, 2]));
        _files.Write("train-labels.idx1-ubyte", IdxTestFiles.Labels(10));
        _files.Write("t10k-images.idx3-ubyte", IdxTestFiles.BuildBytes([10, 2, 2]));
        _files.Write("t10k-labels.idx1-ubyte", IdxTestFiles.Labels(10));

        FashionMnistDataset dataset = FashionMnistDataset.Load(_files.Directory);

        Assert.Equal(10, dataset.Train.Count);
    }

    [Fact]
    public void Load_prefers_gzip_over_plain()
    {
        _files.WriteFashionMnist(trainCount: 30, testCount: 20, gzip: true);
        _files.Write("train-images-idx3-ubyte", new byte[3]);

        FashionMnistDataset dataset = FashionMnistDataset.Load(_files.Directory);

        Assert.EndsWith(".gz", dataset.Train.Images.Source);
    }

    [Fact]
    public void Missing_folder_gives_install_hint()
    {
        string missing = Path.Combine(_files.Directory, "nowhere");

        var error = Assert.Throws<DirectoryNotFoundException>(() => FashionMnistDataset.Load(missing));

        Assert.Contains(missing, error.Message);
        Assert.Contains("sudo apt-get install dataset-fashion-mnist", error.Message);
        Assert.Contains("/usr/share/datasets/fashion-mnist", error.Message);
        Assert.Contains("--data DIR", error.Message);
    }

    [Fact]
    public void Missing_file_gives_names_and_install_hint()
    {
        _files.WriteFashionMnist(trainCount: 30, testCount: 20, gzip: true);
        File.Delete(Path.Combine(_files.Directory, "t10k-labels-idx1-ubyte.gz"));

        var error = Assert.Throws<FileNotFoundException>(() => FashionMnistDataset.Load(_files.Directory));

        Assert.Contains("t10k-labels-idx1-ubyte.gz not found", error.Message);
        Assert.Contains("t10k-labels.idx1-ubyte", error.Message);
        Assert.Contains("sudo apt-get install dataset-fashion-mnist", error.Message);
        Assert.Contains("--data DIR", error.Message);
        Assert.Equal(Path.Combine(_files.Directory, "t10k-labels-idx1-ubyte.gz"), error.FileName);
    }

    [Fact]
    public void Count_mismatch_names_both_files()
    {
        _files.WriteFashionMnist(trainCount: 30, testCount: 20, gzip: true, trainLabelCount: 29);

        var error = Assert.Throws<IdxFormatException>(() => FashionMnistDataset.Load(_files.Directory));

        Assert.Contains("train-labels-idx1-ubyte.gz has 29 labels", error.Message);
        Assert.Contains("train-images-idx3-ubyte.gz has 30 images", error.Message);
        Assert.EndsWith("train-labels-idx1-ubyte.gz", error.FilePath);
    }

    [Fact]
    public void Swapped_files_are_rejected_by_rank()
    {
        _files.WriteFashionMnist(trainCount: 30, testCount: 20, gzip: false);
        _files.Write("train-images-idx3-ubyte", IdxTestFiles.Labels(30));

        var error = Assert.Throws<IdxFormatException>(() => FashionMnistDataset.Load(_files.Directory));

        Assert.Contains("declares 1 dimension(s), expected 3", error.Message);
    }

    [Fact]
    public void Label_out_of_range_is_rejected()
    {
        _files.WriteFashionMnist(trainCount: 30, testCount: 20, gzip: false);
        byte[] labels = IdxTestFiles.Labels(20);
        labels[8 + 17] = 10;
        _files.Write("t10k-labels-idx1-ubyte", labels);

        var error = Assert.Throws<IdxFormatException>(() => FashionMnistDataset.Load(_files.Directory));

        Assert.Contains("label 17 is 10; expected a class index from 0 to 9", error.Message);
    }

    [Fact]
    public void Class_names_cover_every_class()
    {
        Assert.Equal(FashionMnistDataset.ClassCount, FashionMnistDataset.ClassNames.Count);
        Assert.Equal("Ankle boot", FashionMnistDataset.ClassNames[9]);
    }
}

using System;
using System.IO;
using System.Linq;
using VatDsl.Data;
using Xunit;

namespace VatDsl.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly IdxTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_images_returns_shape_and_bytes(bool gzip)
    {
        byte[] content = IdxTestFiles.BuildBytes([5, 4, 3]);
        string path = _files.Write("images", content, gzip);

        IdxArray array = IdxReader.Read(path, expectedRank: 3);

        Assert.Equal([5, 4, 3], array.Shape);
        Assert.Equal(5, array.Count);
        Assert.Equal(12, array.SampleSize);
        Assert.Equal(content.Skip(16).ToArray(), array.Data);
        Assert.Equal(path, array.Source);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_labels_returns_rank_one(bool gzip)
    {
        string path = _files.Write("labels", IdxTestFiles.Labels(25), gzip);

        IdxArray array = IdxReader.Read(path, expectedRank: 1);

        Assert.Equal([25], array.Shape);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => (byte)(i % 10)).ToArray(), array.Data);
    }

    [Fact]
    public void Read_without_expected_rank_accepts_any_rank()
    {
        string path = _files.Write("four-d", IdxTestFiles.BuildBytes([2, 3, 2, 2]));

        IdxArray array = IdxReader.Read(path);

        Assert.Equal([2, 3, 2, 2], array.Shape);
        Assert.Equal(24, array.Data.Length);
    }

    [Fact]
    public void Read_from_non_seekable_gzip_stream()
    {
        string path = _files.Write("images.gz", IdxTestFiles.BuildBytes([3, 2, 2]), gzip: true);
        using var stream = new NonSeekableStream(File.ReadAllBytes(path));

        IdxArray array = IdxReader.Read(stream, "in-memory", expectedRank: 3);

        Assert.Equal([3, 2, 2], array.Shape);
    }

    [Fact]
    public void Bad_magic_names_file_and_value()
    {
        byte[] content = IdxTestFiles.BuildBytes([2, 2, 2]);
        content[0] = 0x12;
        content[1] = 0x34;
        string path = _files.Write("bad-magic", content);

        var error = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path, expectedRank: 3));

        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message);
        Assert.Contains("0x12340803", error.Message);
        Assert.Contains("0x00000803", error.Message);
        Assert.Contains("apt-get install --reinstall dataset-fashion-mnist", error.Message);
    }

    [Theory]
    [InlineData(0x09, "signed byte")]
    [InlineData(0x0B, "16-bit integer")]
    [InlineData(0x0C, "32-bit integer")]
    [InlineData(0x0D, "32-bit float")]
    [InlineData(0x0E, "64-bit float")]
    [InlineData(0x42, "not an IDX type")]
    public void Unsupported_type_code_is_rejected(byte typeCode, string typeName)
    {
        string path = _files.Write("typed", IdxTestFiles.Build(typeCode, [2, 2], new byte[4]));

        var error = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path));

        Assert.Contains($"0x{typeCode:X2} ({typeName})", error.Message);
        Assert.Contains("expected 0x08 (unsigned byte)", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Zero_rank_is_rejected()
    {
        string path = _files.Write("rank0", IdxTestFiles.Build(0x08, [], [1, 2, 3]));

        var error = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path));

        Assert.Contains("0x00000800 declares 0 dimensions", error.Message);
    }

    [Fact]
    public void Wrong_rank_names_the_expected_magic()
    {
        string path = _files.Write("labels-as-images", IdxTestFiles.Labels(10));

        var error = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path, expectedRank: 3));

        Assert.Contains("0x00000801 declares 1 dimension(s), expected 3", error.Message);
        Assert.Contains("0x00000803", error.Message);
        Assert.Contains("images file", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Truncated_data_reports_lengths(bool gzip)
    {
        byte[] content = IdxTestFiles.BuildBytes([3, 4, 4]);
        string path = _files.Write("truncated", content[..^5], gzip);

        var error = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path, expectedRank: 3));

        Assert.Contains("truncated", error.Message);
        Assert.Contains($"is {content.Length - 5} bytes, expected {content.Length}", error.Message);
        Assert.Contains(gzip ? "decompressed length" : "length", error.Message);
    }

    [Fact]
    public void Truncated_header_is_rejected()
    {
        byte[] content = IdxTestFiles.BuildBytes([3, 4, 4]);
        string path = _files.Write("short-header", content[..10]);

        var error = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path));

        Assert.Contains("ends inside the IDX header", error.Message);
        Assert.Contains("is 10 bytes, expected at least 16", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void File_shorter_than_magic_is_rejected(int length)
    {
        string path = _files.Write("tiny", new byte[length]);

        var error = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path));

        Assert.Contains($"length is {length} bytes, expected at least 4", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Extra_bytes_are_rejected(bool gzip)
    {
        byte[] content = [.. IdxTestFiles.BuildBytes([2, 2, 2]), 1, 2, 3];
        string path = _files.Write("extra", content, gzip);

        var error = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path));

        Assert.Contains("has 3 bytes after the data", error.Message);
        Assert.Contains($"is {content.Length} bytes, expected {content.Length - 3}", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Zero_dimension_is_rejected(int zeroAt)
    {
        int[] shape = [2, 3, 3];
        shape[zeroAt] = 0;
        string path = _files.Write("zero-dim", IdxTestFiles.Build(0x08, shape, []));

        var error = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path));

        Assert.Contains($"IDX dimension {zeroAt} is 0", error.Message);
    }

    [Fact]
    public void Dimension_above_int_max_is_rejected()
    {
        byte[] content = IdxTestFiles.Build(0x08, [1], []);
        content[4] = 0x80;
        string path = _files.Write("huge-dim", content);

        var error = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path));

        Assert.Contains("IDX dimension 0 is 2147483649", error.Message);
    }

    [Fact]
    public void Data_larger_than_an_array_is_rejected()
    {
        string path = _files.Write("too-large", IdxTestFiles.Build(0x08, [100000, 100000], []));

        var error = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path));

        Assert.Contains("(100000, 100000) describe more than", error.Message);
    }

    [Fact]
    public void Corrupt_gzip_is_rejected()
    {
        // A gzip header followed by a deflate block of the reserved type 3 (first byte 0b111).
        byte[] content = [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff, 0x07, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        string path = _files.Write("corrupt.gz", content);

        var error = Assert.Throws<IdxFormatException>(() => IdxReader.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("gzip data is corrupt", error.Message);
    }

    [Fact]
    public void Missing_file_throws_file_not_found()
    {
        string path = Path.Combine(_files.Directory, "absent");

        var error = Assert.Throws<FileNotFoundException>(() => IdxReader.Read(path));

        Assert.Equal(path, error.FileName);
    }

    [Fact]
    public void Format_exception_is_an_io_exception()
    {
        string path = _files.Write("tiny", new byte[1]);

        Assert.ThrowsAny<IOException>(() => IdxReader.Read(path));
    }

    private sealed class NonSeekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}

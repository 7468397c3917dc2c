using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.IO.Compression;

namespace VatDsl.Data;

/// <summary>
/// Reads IDX files, the format of MNIST and Fashion-MNIST, plain or gzip-compressed. The header is
/// a big-endian magic number 0x0000TTRR, with TT the element type and RR the number of
/// dimensions, followed by RR big-endian 32-bit dimensions. The elements follow in row-major
/// order. Only unsigned bytes (TT = 0x08) are supported, the type of every MNIST-style file.
/// </summary>
public static class IdxReader
{
    /// <summary>Element type code of unsigned bytes.</summary>
    public const byte UnsignedByteType = 0x08;

    /// <summary>Magic number of an image file: unsigned bytes, 3 dimensions (count, rows, columns).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Magic number of a label file: unsigned bytes, 1 dimension (count).</summary>
    public const int LabelsMagic = 0x00000801;

    private const string DamagedFileHint =
        "The file is damaged or is not an IDX file: download it again " +
        "(for Fashion-MNIST: sudo apt-get install --reinstall dataset-fashion-mnist).";

    /// <summary>
    /// Reads the IDX file at <paramref name="path"/>, gzip-compressed (detected by the 1f 8b magic)
    /// or plain.
    /// </summary>
    /// <param name="path">Path of the file.</param>
    /// <param name="expectedRank">Number of dimensions the caller needs (3 for images, 1 for labels), or null to accept any.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IdxFormatException">The content is not a valid unsigned-byte IDX array of the expected rank.</exception>
    public static IdxArray Read(string path, int? expectedRank = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"IDX file {path} not found.", path);
        }

        using FileStream file = File.OpenRead(path);
        return Read(file, path, expectedRank);
    }

    /// <summary>
    /// Reads an IDX array from <paramref name="stream"/>, gzip-compressed or plain, to its end.
    /// </summary>
    /// <param name="stream">Stream positioned at the start of the file.</param>
    /// <param name="source">Name of the file used in error messages.</param>
    /// <param name="expectedRank">Number of dimensions the caller needs, or null to accept any.</param>
    /// <exception cref="IdxFormatException">The content is not a valid unsigned-byte IDX array of the expected rank.</exception>
    public static IdxArray Read(Stream stream, string source, int? expectedRank = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        if (expectedRank is < 1 or > byte.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedRank), expectedRank, "The expected rank must be between 1 and 255.");
        }

        Stream seekable = stream.CanSeek ? stream : CopyToMemory(stream);
        bool compressed = StartsWithGzipMagic(seekable);
        string length = compressed ? "decompressed length" : "length";

        // The caller owns the stream, so only the gzip wrapper is disposed here.
        GZipStream? gzip = compressed ? new GZipStream(seekable, CompressionMode.Decompress, leaveOpen: true) : null;
        try
        {
            return ReadPayload(gzip ?? seekable, source, length, expectedRank);
        }
        catch (InvalidDataException e)
        {
            throw new IdxFormatException(source, $"{source}: the gzip data is corrupt ({e.Message}). {DamagedFileHint}", e);
        }
        finally
        {
            gzip?.Dispose();
        }
    }

    private static IdxArray ReadPayload(Stream payload, string source, string length, int? expectedRank)
    {
        Span<byte> magicBytes = stackalloc byte[4];
        int magicRead = payload.ReadAtLeast(magicBytes, 4, throwOnEndOfStream: false);
        if (magicRead < 4)
        {
            throw new IdxFormatException(source,
                $"{source}: the file is too short: {length} is {magicRead} bytes, expected at least 4 for the IDX magic number. {DamagedFileHint}");
        }

        int magic = BinaryPrimitives.ReadInt32BigEndian(magicBytes);
        if (magicBytes[0] != 0 || magicBytes[1] != 0)
        {
            throw new IdxFormatException(source,
                $"{source}: invalid IDX magic number {Hex(magic)}; expected 0x0000TTRR with two zero bytes first " +
                $"({Hex(ImagesMagic)} for images, {Hex(LabelsMagic)} for labels). {DamagedFileHint}");
        }

        byte type = magicBytes[2];
        if (type != UnsignedByteType)
        {
            throw new IdxFormatException(source,
                $"{source}: IDX element type 0x{type:X2} ({TypeName(type)}) in magic number {Hex(magic)} is not supported; " +
                $"expected 0x{UnsignedByteType:X2} (unsigned byte), the type of MNIST-style files. Convert the data to unsigned bytes.");
        }

        int rank = magicBytes[3];
        if (rank == 0)
        {
            throw new IdxFormatException(source,
                $"{source}: IDX magic number {Hex(magic)} declares 0 dimensions; expected at least 1. {DamagedFileHint}");
        }

        if (expectedRank is int needed && rank != needed)
        {
            throw new IdxFormatException(source,
                $"{source}: IDX magic number {Hex(magic)} declares {rank} dimension(s), expected {needed} " +
                $"(magic {Hex((UnsignedByteType << 8) | needed)}). Check that the path names the {(needed == 1 ? "labels" : "images")} file.");
        }

        int[] shape = ReadDimensions(payload, source, length, rank);
        long headerLength = 4L + (4L * rank);
        long dataLength = 1;
        foreach (int d in shape)
        {
            dataLength *= d;
            if (dataLength > Array.MaxLength)
            {
                throw new IdxFormatException(source,
                    $"{source}: IDX dimensions ({string.Join(", ", shape)}) describe more than {Array.MaxLength} bytes, " +
                    $"the largest array .NET can hold. {DamagedFileHint}");
            }
        }

        byte[] data = new byte[dataLength];
        int dataRead = payload.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
        long expectedTotal = headerLength + dataLength;
        if (dataRead < data.Length)
        {
            throw new IdxFormatException(source,
                $"{source}: the file is truncated: {length} is {headerLength + dataRead} bytes, expected {expectedTotal} " +
                $"({headerLength}-byte header plus {string.Join(" x ", shape)} data bytes). {DamagedFileHint}");
        }

        long extra = CountRemainingBytes(payload);
        if (extra > 0)
        {
            throw new IdxFormatException(source,
                $"{source}: the file has {extra} bytes after the data: {length} is {expectedTotal + extra} bytes, expected {expectedTotal} " +
                $"({headerLength}-byte header plus {string.Join(" x ", shape)} data bytes). {DamagedFileHint}");
        }

        return new IdxArray(data, shape, source);
    }

    private static int[] ReadDimensions(Stream payload, string source, string length, int rank)
    {
        byte[] header = new byte[4 * rank];
        int read = payload.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read < header.Length)
        {
            throw new IdxFormatException(source,
                $"{source}: the file ends inside the IDX header: {length} is {4 + read} bytes, " +
                $"expected at least {4 + header.Length} for the magic number and {rank} dimension(s). {DamagedFileHint}");
        }

        int[] shape = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            uint dimension = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4 * i, 4));
            if (dimension == 0 || dimension > int.MaxValue)
            {
                throw new IdxFormatException(source,
                    $"{source}: IDX dimension {i} is {dimension}; expected a value from 1 to {int.MaxValue}. {DamagedFileHint}");
            }

            shape[i] = (int)dimension;
        }

        return shape;
    }

    private static bool StartsWithGzipMagic(Stream stream)
    {
        long start = stream.Position;
        Span<byte> prefix = stackalloc byte[2];
        int read = stream.ReadAtLeast(prefix, 2, throwOnEndOfStream: false);
        stream.Position = start;
        return read == 2 && prefix[0] == 0x1f && prefix[1] == 0x8b;
    }

    private static long CountRemainingBytes(Stream payload)
    {
        byte[] buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = payload.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static MemoryStream CopyToMemory(Stream stream)
    {
        var memory = new MemoryStream();
        stream.CopyTo(memory);
        memory.Position = 0;
        return memory;
    }

    private static string Hex(int value) => "0x" + value.ToString("X8", CultureInfo.InvariantCulture);

    private static string TypeName(byte type) => type switch
    {
        0x09 => "signed byte",
        0x0B => "16-bit integer",
        0x0C => "32-bit integer",
        0x0D => "32-bit float",
        0x0E => "64-bit float",
        _ => "not an IDX type",
    };
}

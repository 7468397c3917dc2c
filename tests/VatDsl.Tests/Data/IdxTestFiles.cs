using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace VatDsl.Tests.Data;

/// <summary>A temporary folder of IDX files that a test writes itself; deleted on dispose.</summary>
internal sealed class IdxTestFiles : IDisposable
{
    public IdxTestFiles()
    {
        Directory = Path.Combine(Path.GetTempPath(), "vatdsl-idx-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>Builds the bytes of an IDX file with the given type code, dimensions and data.</summary>
    public static byte[] Build(byte typeCode, int[] shape, byte[] data)
    {
        byte[] file = new byte[4 + (4 * shape.Length) + data.Length];
        file[2] = typeCode;
        file[3] = (byte)shape.Length;
        for (int i = 0; i < shape.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(4 + (4 * i)), shape[i]);
        }

        data.CopyTo(file, 4 + (4 * shape.Length));
        return file;
    }

    /// <summary>Builds a valid unsigned-byte IDX file whose element i is (seed + i) mod 256.</summary>
    public static byte[] BuildBytes(int[] shape, int seed = 0)
    {
        int length = shape.Aggregate(1, (product, d) => product * d);
        byte[] data = Enumerable.Range(0, length).Select(i => (byte)((seed + i) % 256)).ToArray();
        return Build(0x08, shape, data);
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="name"/>, gzip-compressed when <paramref name="gzip"/> is set.</summary>
    public string Write(string name, byte[] content, bool gzip = false)
    {
        string path = Path.Combine(Directory, name);
        if (gzip)
        {
            using FileStream file = File.Create(path);
            using var compressor = new GZipStream(file, CompressionLevel.Fastest);
            compressor.Write(content);
        }
        else
        {
            File.WriteAllBytes(path, content);
        }

        return path;
    }

    /// <summary>
    /// Writes the four Fashion-MNIST files: <paramref name="trainCount"/> training and
    /// <paramref name="testCount"/> test images of <paramref name="rows"/> x <paramref name="columns"/>
    /// pixels, with labels cycling through 0..9.
    /// </summary>
    public void WriteFashionMnist(int trainCount, int testCount, bool gzip, int? trainLabelCount = null, int rows = 4, int columns = 3)
    {
        string suffix = gzip ? ".gz" : string.Empty;
        Write("train-images-idx3-ubyte" + suffix, BuildBytes([trainCount, rows, columns]), gzip);
        Write("train-labels-idx1-ubyte" + suffix, Labels(trainLabelCount ?? trainCount), gzip);
        Write("t10k-images-idx3-ubyte" + suffix, BuildBytes([testCount, rows, columns], seed: 7), gzip);
        Write("t10k-labels-idx1-ubyte" + suffix, Labels(testCount), gzip);
    }

    public static byte[] Labels(int count) =>
        Build(0x08, [count], Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray());

    public void Dispose()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

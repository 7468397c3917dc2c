using System;
using System.Buffers.Binary;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace VatDsl.Checkpoints;

/// <summary>
/// Framing of a checkpoint file: an 8-byte magic "VATDSLCK", a little-endian int32 format
/// version, a little-endian int64 payload length, the payload, and the SHA-256 of the payload.
/// The length and the hash let the reader tell a truncated or damaged file from a good one
/// before it touches a model.
/// </summary>
internal static class CheckpointContainer
{
    /// <summary>Format version this code writes and reads.</summary>
    public const int FormatVersion = 1;

    private const int HeaderLength = 8 + 4 + 8;
    private const int HashLength = 32;
    private static readonly byte[] s_magic = Encoding.ASCII.GetBytes("VATDSLCK");

    /// <summary>Writes the framed <paramref name="payload"/> to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        s_magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], FormatVersion);
        BinaryPrimitives.WriteInt64LittleEndian(header[12..], payload.Length);
        stream.Write(header);
        stream.Write(payload);
        stream.Write(SHA256.HashData(payload));
    }

    /// <summary>Reads the file at <paramref name="path"/> and returns a read-only stream over its payload after checking the framing.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="CheckpointFormatException">The file is not a checkpoint, has another format version, is truncated or is damaged.</exception>
    public static MemoryStream ReadPayload(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Checkpoint {path} not found. Check the path, or start a new run without resuming.", path);
        }

        byte[] file = File.ReadAllBytes(path);
        int magicBytes = Math.Min(file.Length, s_magic.Length);
        if (!file.AsSpan(0, magicBytes).SequenceEqual(s_magic.AsSpan(0, magicBytes)) || file.Length == 0)
        {
            throw new CheckpointFormatException(path,
                $"{path} is not a VatDsl checkpoint: it does not start with \"VATDSLCK\". Pass a file written by " +
                $"{nameof(TrainingCheckpoint)}.{nameof(TrainingCheckpoint.Save)}.");
        }

        if (file.Length < HeaderLength)
        {
            throw Truncated(path, $"{file.Length} bytes, fewer than the {HeaderLength + HashLength} of an empty checkpoint");
        }

        int version = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(8));
        if (version != FormatVersion)
        {
            throw new CheckpointFormatException(path,
                $"Checkpoint {path} has format version {version}, but this VatDsl reads version {FormatVersion}. " +
                "Resume it with the VatDsl version that wrote it, or start a new run.");
        }

        long payloadLength = BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(12));
        long expectedLength = HeaderLength + payloadLength + HashLength;
        if (payloadLength < 0 || file.Length < expectedLength)
        {
            throw Truncated(path, $"{file.Length} bytes, but its header gives {expectedLength}");
        }

        if (file.Length > expectedLength)
        {
            throw new CheckpointFormatException(path,
                $"Checkpoint {path} is {file.Length} bytes, but its header gives {expectedLength}: data was appended or the " +
                "file was overwritten in place. Delete it and resume from another copy, or start a new run.");
        }

        ReadOnlySpan<byte> payload = file.AsSpan(HeaderLength, (int)payloadLength);
        ReadOnlySpan<byte> storedHash = file.AsSpan(HeaderLength + (int)payloadLength, HashLength);
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(storedHash))
        {
            throw new CheckpointFormatException(path,
                $"Checkpoint {path} is damaged: its SHA-256 checksum does not match the content. Delete it and resume from " +
                "another copy, or start a new run.");
        }

        return new MemoryStream(file, HeaderLength, (int)payloadLength, writable: false);
    }

    private static CheckpointFormatException Truncated(string path, string sizes) =>
        new(path,
            $"Checkpoint {path} is truncated: it has {sizes}. A write, copy or download was probably cut short. " +
            "Delete it and resume from another copy, or start a new run.");
}

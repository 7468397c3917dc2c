using System;
using System.IO;

namespace VatDsl.Checkpoints;

/// <summary>
/// A checkpoint file that cannot be read: not a VatDsl checkpoint, written in an unsupported
/// format version, truncated, or damaged. The message names the file and what to do.
/// </summary>
/// <remarks>
/// It derives from <see cref="IOException"/>, so one <c>catch (IOException)</c> handles a missing
/// checkpoint and a damaged one.
/// </remarks>
public sealed class CheckpointFormatException : IOException
{
    /// <summary>Creates the exception for the file at <paramref name="filePath"/>.</summary>
    public CheckpointFormatException(string filePath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
    }

    /// <summary>Path of the checkpoint file.</summary>
    public string FilePath { get; }
}

using System;

namespace VatDsl.Checkpoints;

/// <summary>
/// A readable checkpoint that does not fit the run that loads it: another network, another
/// optimizer, or other training settings. The message lists every difference and what to do.
/// </summary>
public sealed class CheckpointMismatchException : Exception
{
    /// <summary>Creates the exception for the file at <paramref name="filePath"/>.</summary>
    public CheckpointMismatchException(string filePath, string message)
        : base(message)
    {
        FilePath = filePath;
    }

    /// <summary>Path of the checkpoint file.</summary>
    public string FilePath { get; }
}

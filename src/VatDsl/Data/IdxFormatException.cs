using System;
using System.IO;

namespace VatDsl.Data;

/// <summary>
/// Error in the content of an IDX file (the MNIST and Fashion-MNIST format): a bad magic number,
/// an unsupported element type, a length that disagrees with the header, or an image file and a
/// label file that disagree. The message names the file, the value found, the value expected and
/// what to do.
/// </summary>
/// <remarks>
/// It derives from <see cref="IOException"/> because <see cref="InvalidDataException"/> is sealed,
/// so one <c>catch (IOException)</c> handles a missing file and a damaged one.
/// </remarks>
public sealed class IdxFormatException : IOException
{
    /// <summary>Creates the exception for the file at <paramref name="filePath"/>.</summary>
    public IdxFormatException(string filePath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
    }

    /// <summary>Path or name of the file at fault.</summary>
    public string FilePath { get; }
}

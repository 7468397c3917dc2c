using System;
using System.IO;

namespace VatDsl.Checkpoints;

/// <summary>
/// Writes a file so that readers see either the old content or the complete new content, never
/// a partial file. The content goes to a temporary file in the same folder, which is flushed to
/// disk and then renamed over the target.
/// </summary>
/// <remarks>
/// The rename replaces the target in one step on the same file system, which is why the temporary
/// file lives next to the target. NOTE: .NET offers no way to flush the folder entry itself, so
/// after a power failure the folder can still show the old file, but never a partial one.
/// </remarks>
internal static class AtomicFile
{
    /// <summary>Suffix of the temporary file, appended to the target's name.</summary>
    public const string TemporarySuffix = ".tmp";

    /// <summary>Writes the content that <paramref name="write"/> produces to <paramref name="path"/>.</summary>
    /// <exception cref="IOException">Writing or renaming failed. The previous file at <paramref name="path"/>, if any, is unchanged.</exception>
    public static void Write(string path, Action<Stream> write) =>
        Write(path, write, static temporary => new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None));

    /// <summary>
    /// Writes like <see cref="Write(string, Action{Stream})"/>, with the stream of the temporary
    /// file opened by <paramref name="openTemporary"/>, so that tests can make the write fail.
    /// </summary>
    internal static void Write(string path, Action<Stream> write, Func<string, Stream> openTemporary)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        string target = Path.GetFullPath(path);
        string temporary = target + TemporarySuffix;
        try
        {
            using (Stream stream = openTemporary(temporary))
            {
                write(stream);
                if (stream is FileStream file)
                {
                    file.Flush(flushToDisk: true);
                }
                else
                {
                    stream.Flush();
                }
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            DeleteQuietly(temporary);
            throw;
        }
    }

    private static void DeleteQuietly(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (IOException)
        {
            // The original exception matters more. A left-over temporary file is overwritten by the next write.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;

namespace VatDsl.Samples.FashionMnist;

/// <summary>
/// Write probes of every output of a run, made before training so that a permission problem or
/// a folder in place of a file fails at once instead of after the last step.
/// </summary>
/// <remarks>
/// The command-line checks see only whether a path exists. Whether the process may write there
/// depends on permissions, read-only mounts and the files below the path, which only an actual
/// write shows, so each probe creates a file and deletes it again.
/// </remarks>
internal static class OutputWriteProbe
{
    /// <summary>
    /// Returns one message for each output of <paramref name="options"/> that cannot be written,
    /// or an empty list. Creates a missing --tensorboard or --checkpoint folder, as training would.
    /// </summary>
    public static IReadOnlyList<string> FindUnwritable(TrainingOptions options)
    {
        var errors = new List<string>();
        AddFileError(errors, "--metrics", options.MetricsPath);
        AddFileError(errors, "--curves", options.CurvesPath);
        AddFileError(errors, "--plot", options.PlotPath);
        AddFileError(errors, "--export-pytorch", options.ExportPyTorchPath);
        AddFolderError(errors, "--tensorboard", options.TensorBoardDirectory, create: true);
        if (options.CheckpointDirectory is not null)
        {
            AddCheckpointError(errors, options.CheckpointDirectory, options.Resume);
        }

        return errors;
    }

    /// <summary>Returns the message for a --plot file of --compare that cannot be written, or null.</summary>
    public static string? FindUnwritablePlot(string plotPath) => ProbeFile("--plot", plotPath);

    private static void AddFileError(List<string> errors, string option, string? path)
    {
        if (path is not null && ProbeFile(option, path) is { } message)
        {
            errors.Add(message);
        }
    }

    private static void AddFolderError(List<string> errors, string option, string? folder, bool create)
    {
        if (folder is not null && ProbeFolder(option, folder, create) is { } message)
        {
            errors.Add(message);
        }
    }

    private static void AddCheckpointError(List<string> errors, string folder, bool resume)
    {
        string file = Path.Combine(folder, RunCheckpoints.FileName);
        if (Directory.Exists(file))
        {
            errors.Add($"--checkpoint {folder}: {file} is a folder, so the checkpoint cannot be written there. " +
                "Remove that folder or pass another --checkpoint folder.");
            return;
        }

        // A resumed run needs the existing folder. A missing one is reported with the checkpoint error, not created here.
        AddFolderError(errors, "--checkpoint", folder, create: !resume);
    }

    private static string? ProbeFile(string option, string path)
    {
        if (Directory.Exists(path))
        {
            return $"{option} {path} is a folder. Pass a file name inside it.";
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? path;
        try
        {
            if (File.Exists(path))
            {
                // Opening without truncation checks the permission and leaves the old content in place until training ends.
                using var existing = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            }
            else
            {
                using var probe = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{option} {path}: the file cannot be written ({Reason(e, path)}). " +
                $"Choose a folder other than {folder}, or fix its permissions.";
        }
    }

    private static string? ProbeFolder(string option, string folder, bool create)
    {
        if (File.Exists(folder))
        {
            return $"{option} {folder} is a file. Pass a folder name.";
        }

        if (!Directory.Exists(folder) && !create)
        {
            return null;
        }

        try
        {
            Directory.CreateDirectory(folder);
            string probePath = Path.Combine(folder, $".vatdsl-write-probe-{Guid.NewGuid():N}");
            using var probe = new FileStream(probePath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{option} {folder}: the folder cannot be created or written ({Reason(e, folder)}). " +
                "Choose another folder or fix the permissions.";
        }
    }

    // .NET reports a regular file in the middle of a path as "Could not find a part of the path", which hides the cause.
    private static string Reason(Exception e, string path)
    {
        if (e is UnauthorizedAccessException)
        {
            return "permission denied";
        }

        for (string? ancestor = Path.GetDirectoryName(Path.GetFullPath(path)); ancestor is not null; ancestor = Path.GetDirectoryName(ancestor))
        {
            if (File.Exists(ancestor))
            {
                return $"{ancestor} is a file, not a folder";
            }
        }

        return e.Message.TrimEnd('.');
    }
}

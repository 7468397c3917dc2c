using System;
using System.CommandLine.Parsing;
using System.IO;

namespace VatDsl.Samples.FashionMnist;

/// <summary>
/// Checks of the output and input paths on the command line, made before training so that a
/// long run does not end without a place to write its results.
/// </summary>
internal static class OutputPathChecks
{
    /// <summary>Reports an empty name, an existing folder, or a parent folder of the output file that is missing or a file.</summary>
    public static void ValidateFile(OptionResult result, string option, string exampleName)
    {
        string? path = result.GetValueOrDefault<string?>();
        if (string.IsNullOrWhiteSpace(path))
        {
            result.AddError($"{option} needs a file name.");
            return;
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (Directory.Exists(path))
        {
            result.AddError($"{option} {path} is a folder. Pass a file name such as {Path.Combine(path, exampleName)}.");
        }
        else if (folder is not null && File.Exists(folder))
        {
            result.AddError($"{option} {path}: {folder} is a file, not a folder. Pass a path in an existing folder.");
        }
        else if (folder is not null && !Directory.Exists(folder))
        {
            result.AddError($"{option} {path}: folder {folder} not found. Create it first, so the results are not lost after training.");
        }
    }

    /// <summary>Reports a --plot file whose name does not end in .png, because the figure is always written as PNG.</summary>
    public static void ValidatePngExtension(OptionResult result)
    {
        string? path = result.GetValueOrDefault<string?>();
        if (!string.IsNullOrWhiteSpace(path) && !path.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            result.AddError($"--plot {path}: the figure is written as PNG, so the file name must end in .png.");
        }
    }

    /// <summary>Reports a --tensorboard value that is empty or names an existing file.</summary>
    public static void ValidateFolder(OptionResult result)
    {
        string? path = result.GetValueOrDefault<string?>();
        if (string.IsNullOrWhiteSpace(path))
        {
            result.AddError("--tensorboard needs a folder name.");
        }
        else if (File.Exists(path))
        {
            result.AddError($"--tensorboard {path} is a file. Pass a folder, which is created if missing.");
        }
    }

    /// <summary>
    /// Reports --compare values that are options or name files that are neither metrics JSON nor curves CSV.
    /// Missing files and folders are reported when the files are loaded, with the exit code of a missing file.
    /// </summary>
    public static void ValidateComparedFiles(OptionResult result)
    {
        string[] paths = result.GetValueOrDefault<string[]>() ?? [];
        foreach (string path in paths)
        {
            if (path.StartsWith("--", StringComparison.Ordinal))
            {
                result.AddError($"--compare needs at least one file before {path}, for example --compare runs/vat.json {path} ...");
            }
            else if (File.Exists(path) && !path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                result.AddError($"--compare {path}: expected a metrics file (.json) or a curves file (.csv).");
            }
        }
    }
}

using System;
using System.Diagnostics;
using Xunit;

namespace VatDsl.Tests.Support;

/// <summary>A fact that runs only where a python3 on this machine can import torch, and is reported as skipped elsewhere.</summary>
internal sealed class PyTorchFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> s_python = new(FindPythonWithTorch);

    public PyTorchFactAttribute()
    {
        if (Python is null)
        {
            Skip = "No python3 with torch on this machine (python3 on PATH or /usr/bin/python3). Install one, " +
                "for example Debian's python3-torch, to run this test.";
        }
    }

    /// <summary>Path or name of a python3 that imports torch, or null.</summary>
    public static string? Python => s_python.Value;

    private static string? FindPythonWithTorch()
    {
        foreach (string candidate in new[] { "python3", "/usr/bin/python3" })
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(candidate, ["-c", "import torch"])
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                });
                if (process is null)
                {
                    continue;
                }

                process.StandardOutput.ReadToEnd();
                process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed under that name.
            }
        }

        return null;
    }
}

using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using TorchSharp;

namespace VatDsl.Samples.FashionMnist;

/// <summary>Describes the machine a run used, for the metrics file and the log.</summary>
internal static class MachineDescription
{
    public static MachineInfo Current() => new(
        ProcessorCount: Environment.ProcessorCount,
        CpuModel: ReadCpuModel(),
        TorchThreads: torch.get_num_threads(),
        Os: RuntimeInformation.OSDescription,
        Dotnet: RuntimeInformation.FrameworkDescription,
        TorchSharp: typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown");

    // Linux lists the model once per logical processor in /proc/cpuinfo. Other systems have no such file.
    private static string ReadCpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }

        string? line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
    }
}

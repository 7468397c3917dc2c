using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;
using TorchSharp;
using VatDsl.Export;
using VatDsl.Networks;
using VatDsl.Samples.FashionMnist;
using VatDsl.Tests.Support;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests.Export;

/// <summary>
/// Loads exported weights in PyTorch with strict=True into the networks that the sample's README
/// defines, and compares PyTorch's logits with VatDsl's.
/// </summary>
public sealed class PyTorchLoadTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vatdsl-pytorch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [PyTorchFact]
    public void FashionCnn_loads_strictly_in_pytorch() => AssertLoadsInPyTorch("cnn", new FashionCnn());

    [PyTorchFact]
    public void MnistMlpImage_loads_strictly_in_pytorch() => AssertLoadsInPyTorch("mlp", new MnistMlpImage());

    private void AssertLoadsInPyTorch<T>(string network, T model) where T : nn.Module<Tensor, Tensor>, IVatNetwork
    {
        using (model)
        {
            TrainTwoSteps(model);
            string weights = Path.Combine(_folder, "weights.pt");
            string inputs = Path.Combine(_folder, "inputs.bin");
            string logits = Path.Combine(_folder, "logits.bin");
            PyTorchExport.Save(model, weights);
            using (var scope = NewDisposeScope())
            {
                Tensor x = rand([5, 1, 28, 28]);
                File.WriteAllBytes(inputs, x.bytes.ToArray());
                File.WriteAllBytes(logits, model.Predict(x).contiguous().bytes.ToArray());
            }

            var (exitCode, output) = RunPython(SampleFile("pytorch", "check_export.py"), SampleFile("README.md"), network, weights, inputs, logits);

            Assert.True(exitCode == 0, $"check_export.py exited with {exitCode}: {output}");
            Assert.Contains("strict load OK", output);
        }
    }

    private static void TrainTwoSteps<T>(T model) where T : nn.Module<Tensor, Tensor>, IVatNetwork
    {
        manual_seed(7);
        using var optimizer = optim.Adam(model.parameters(), 0.01);
        for (int step = 0; step < 2; step++)
        {
            using var scope = NewDisposeScope();
            model.SupervisedStep(rand([4, 1, 28, 28]), randint(0, 10, [4]), optimizer);
        }
    }

    private static (int ExitCode, string Output) RunPython(params string[] arguments)
    {
        var start = new ProcessStartInfo(PyTorchFactAttribute.Python!, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    private static string SampleFile(params string[] parts) =>
        Path.Combine([RepositoryRoot(), "samples", "FashionMnist", .. parts]);

    private static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}

using System;
using System.IO;
using System.Text.Json;
using VatDsl.Samples.FashionMnist;
using VatDsl.Tests.Data;
using Xunit;

namespace VatDsl.Tests.Samples;

/// <summary>Runs the sample end to end on a tiny Fashion-MNIST folder that the test writes itself.</summary>
public sealed class FashionMnistSampleRunTests : IDisposable
{
    private readonly IdxTestFiles _files = new();

    public FashionMnistSampleRunTests()
    {
        _files.WriteFashionMnist(trainCount: 200, testCount: 40, gzip: true, rows: 28, columns: 28);
    }

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("vat")]
    [InlineData("supervised")]
    [InlineData("vat+entmin")]
    [InlineData("rpt")]
    public void Run_writes_progress_and_metrics(string method)
    {
        string metricsPath = Path.Combine(_files.Directory, "metrics.json");
        var output = new StringWriter();
        var error = new StringWriter();

        int exitCode = SampleProgram.Run(
            ["--data", _files.Directory, "--method", method, "--labels", "20", "--batch", "10", "--unlabeled-batch", "16",
             "--steps", "3", "--eval-every", "2", "--log-every", "1", "--seed", "4", "--metrics", metricsPath, "--validation", "20"],
            output, error);

        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}");
        string log = output.ToString();
        Assert.Contains("step      1/3  CE ", log);
        Assert.Contains("step      2/3  test accuracy ", log);
        Assert.Contains("step      3/3  test accuracy ", log);
        Assert.Contains("metrics written to", log);

        using JsonDocument metrics = JsonDocument.Parse(File.ReadAllText(metricsPath));
        JsonElement root = metrics.RootElement;
        Assert.Equal(method, root.GetProperty("method").GetString());
        Assert.Equal(20, root.GetProperty("labels").GetInt32());
        Assert.Equal(3, root.GetProperty("steps").GetInt32());
        Assert.Equal(4, root.GetProperty("seed").GetInt32());
        Assert.InRange(root.GetProperty("test_accuracy").GetDouble(), 0.0, 1.0);
        Assert.True(root.GetProperty("seconds").GetDouble() >= 0);
        Assert.Equal(2, root.GetProperty("evaluations").GetArrayLength());
        Assert.True(root.GetProperty("machine").GetProperty("processor_count").GetInt32() >= 1);
        Assert.StartsWith("0.107", root.GetProperty("machine").GetProperty("torchsharp").GetString());
        Assert.True(double.IsFinite(root.GetProperty("final_cross_entropy").GetDouble()));
        if (method != "supervised")
        {
            Assert.Equal(FashionCnn.DefaultVatOptions.Epsilon, root.GetProperty("epsilon").GetDouble());
            Assert.Equal(16, root.GetProperty("unlabeled_batch").GetInt32());
            Assert.Equal(method == "vat+entmin" ? 1.0 : 0.0, root.GetProperty("entropy_weight").GetDouble());
            Assert.Equal(method == "rpt" ? JsonValueKind.Null : JsonValueKind.Number, root.GetProperty("xi").ValueKind);
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, root.GetProperty("epsilon").ValueKind);
            Assert.Equal(0.0, root.GetProperty("final_lds").GetDouble());
        }
    }

    [Fact]
    public void Missing_data_exits_with_code_three()
    {
        var error = new StringWriter();

        int exitCode = SampleProgram.Run(["--data", Path.Combine(_files.Directory, "absent")], new StringWriter(), error);

        Assert.Equal(3, exitCode);
        Assert.Contains("sudo apt-get install dataset-fashion-mnist", error.ToString());
    }

    [Fact]
    public void Damaged_data_exits_with_code_three()
    {
        File.WriteAllBytes(Path.Combine(_files.Directory, "t10k-labels-idx1-ubyte.gz"), [1, 2, 3]);
        var error = new StringWriter();

        int exitCode = SampleProgram.Run(["--data", _files.Directory], new StringWriter(), error);

        Assert.Equal(3, exitCode);
        Assert.Contains("t10k-labels-idx1-ubyte.gz", error.ToString());
    }

    [Fact]
    public void Data_path_naming_a_file_is_reported()
    {
        string file = Directory.GetFiles(_files.Directory)[0];
        var error = new StringWriter();

        int exitCode = SampleProgram.Run(["--data", file], new StringWriter(), error);

        Assert.Equal(FashionMnistTraining.DataErrorExitCode, exitCode);
        Assert.Contains($"--data {file} is a file. Pass the folder", error.ToString());
    }

    [Fact]
    public void Too_many_labels_exit_with_code_two()
    {
        var error = new StringWriter();

        int exitCode = SampleProgram.Run(["--data", _files.Directory, "--labels", "300", "--batch", "10"], new StringWriter(), error);

        Assert.Equal(2, exitCode);
        Assert.Contains("--labels 300 and --validation 1000 do not fit the training set. Class 0 has 20 samples, but the split needs 30 labeled", error.ToString());
        Assert.DoesNotContain("(Parameter", error.ToString());
    }

    [Fact]
    public void Cuda_without_cuda_build_exits_with_code_two()
    {
        var error = new StringWriter();

        int exitCode = SampleProgram.Run(["--data", _files.Directory, "--device", "cuda"], new StringWriter(), error);

        Assert.Equal(2, exitCode);
        Assert.Contains("CUDA is not available", error.ToString());
    }

    [Theory]
    [InlineData("supervised")]
    [InlineData("vat")]
    public void Diverging_run_exits_with_code_five(string method)
    {
        var error = new StringWriter();

        int exitCode = SampleProgram.Run(
            ["--data", _files.Directory, "--network", "mlp", "--method", method, "--lr", "1e10", "--labels", "20",
             "--batch", "10", "--unlabeled-batch", "16", "--steps", "10", "--eval-every", "0", "--log-every", "5",
             "--validation", "20"],
            new StringWriter(), error);

        string message = error.ToString();
        Assert.Equal(FashionMnistTraining.DivergedExitCode, exitCode);
        Assert.StartsWith("error: training diverged. Training step ", message);
        Assert.Contains("lower --lr (now 1E+10), for example to 0.001", message);
        Assert.DoesNotContain("unit variance", message);
        Assert.DoesNotContain("   at ", message);
        Assert.Single(message.TrimEnd().Split('\n'));
    }
}

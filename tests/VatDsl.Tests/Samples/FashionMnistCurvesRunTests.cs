using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using VatDsl.Samples.FashionMnist;
using VatDsl.Samples.FashionMnist.Curves;
using VatDsl.Tests.Data;
using Xunit;

namespace VatDsl.Tests.Samples;

/// <summary>Runs the sample on a tiny Fashion-MNIST folder and checks the curve outputs: CSV, TensorBoard, PNG and --compare.</summary>
public sealed class FashionMnistCurvesRunTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly IdxTestFiles _files = new();

    public FashionMnistCurvesRunTests()
    {
        _files.WriteFashionMnist(trainCount: 200, testCount: 40, gzip: false, rows: 28, columns: 28);
    }

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("vat")]
    [InlineData("supervised")]
    [InlineData("vat+entmin")]
    [InlineData("rpt")]
    public void Run_writes_curves_tensorboard_and_plot(string method)
    {
        string stem = method.Replace('+', '-');
        string curves = Path.Combine(_files.Directory, stem + ".csv");
        string plot = Path.Combine(_files.Directory, stem + ".png");
        string board = Path.Combine(_files.Directory, "board-" + stem);
        string metrics = Path.Combine(_files.Directory, stem + ".json");

        string log = RunSample(method, "--curves", curves, "--tensorboard", board, "--plot", plot, "--metrics", metrics);

        string[] lines = File.ReadAllLines(curves);
        Assert.Equal("step,ce,lds,total,lr,validation_accuracy,test_accuracy,elapsed_seconds", lines[0]);

        // Progress lines every 2 steps and test evaluations at steps 3 and 5 give rows at 2, 3, 4 and 5.
        var points = CurvesCsv.Read(curves);
        Assert.Equal([2, 3, 4, 5], points.Select(p => p.Step));
        Assert.All(points, p => Assert.InRange(p.ValidationAccuracy!.Value, 0.0, 1.0));
        Assert.Equal([false, true, false, true], points.Select(p => p.TestAccuracy is not null));
        Assert.Equal(string.Empty, lines[1].Split(',')[6]);
        Assert.All(points, p => Assert.True(double.IsFinite(p.CrossEntropy)));
        Assert.Equal(method == "supervised", points.All(p => p.Lds == 0));
        Assert.True(points.Zip(points.Skip(1)).All(pair => pair.First.ElapsedSeconds <= pair.Second.ElapsedSeconds));

        // The official schedule over 5 steps decays from step index 3: steps 4 and 5 run at 2/2 and 1/2 of the rate.
        Assert.Equal(0.001, points[0].LearningRate, 15);
        Assert.Equal(0.001, points[2].LearningRate, 15);
        Assert.Equal(0.0005, points[3].LearningRate, 15);

        string eventFile = Assert.Single(Directory.GetFiles(board, "events.out.tfevents.*"));
        Assert.True(new FileInfo(eventFile).Length > 100, $"{eventFile} has only {new FileInfo(eventFile).Length} bytes");
        Assert.Contains("accuracy/validation", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(eventFile)));

        Assert.Equal(PngSignature, File.ReadAllBytes(plot).Take(8));
        Assert.Contains("learning curves drawn to", log);
        Assert.Contains("curves written to", log);

        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(metrics));
        JsonElement root = document.RootElement;
        Assert.Equal(method, root.GetProperty("method").GetString());
        Assert.Equal("cnn", root.GetProperty("network").GetString());
        Assert.Equal("official", root.GetProperty("lr_schedule").GetString());
        Assert.Equal(20, root.GetProperty("validation_images").GetInt32());
        Assert.Equal("running", root.GetProperty("bn_stats").GetString());
        Assert.Equal(points[^1].ValidationAccuracy, root.GetProperty("validation_accuracy").GetDouble());
        Assert.Equal(points.Max(p => p.ValidationAccuracy), root.GetProperty("best_validation_accuracy").GetDouble());
        Assert.Equal(Path.GetFullPath(curves), root.GetProperty("curves_file").GetString());
        Assert.Equal(Path.GetFullPath(board), root.GetProperty("tensorboard_directory").GetString());
        Assert.Equal(Path.GetFullPath(plot), root.GetProperty("plot_file").GetString());
        Assert.Equal(points[^1].ValidationAccuracy, root.GetProperty("evaluations")[1].GetProperty("validation_accuracy").GetDouble());
    }

    [Fact]
    public void Constant_schedule_keeps_learning_rate()
    {
        string curves = Path.Combine(_files.Directory, "constant.csv");

        RunSample("vat", "--curves", curves, "--lr-schedule", "constant", "--lr", "0.002");

        Assert.All(CurvesCsv.Read(curves), p => Assert.Equal(0.002, p.LearningRate));
    }

    [Fact]
    public void No_validation_leaves_column_empty()
    {
        string curves = Path.Combine(_files.Directory, "none.csv");
        string metrics = Path.Combine(_files.Directory, "none.json");

        string log = RunSample("supervised", "--curves", curves, "--validation", "0", "--metrics", metrics);

        Assert.All(CurvesCsv.Read(curves), p => Assert.Null(p.ValidationAccuracy));
        Assert.Contains("val -", log);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(metrics));
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("best_validation_accuracy").ValueKind);
    }

    [Fact]
    public void Reestimated_statistics_run_to_the_end()
    {
        string metrics = Path.Combine(_files.Directory, "reestimate.json");

        string log = RunSample("vat", "--bn-stats", "reestimate", "--metrics", metrics);

        Assert.Contains("re-estimated from 180 unlabeled images", log);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(metrics));
        Assert.Equal("reestimate", document.RootElement.GetProperty("bn_stats").GetString());
    }

    [Fact]
    public void Compare_draws_runs_from_metrics_and_csv()
    {
        string vatCurves = Path.Combine(_files.Directory, "vat.csv");
        string vatMetrics = Path.Combine(_files.Directory, "vat.json");
        string supervisedCurves = Path.Combine(_files.Directory, "supervised.csv");
        string figure = Path.Combine(_files.Directory, "compare.png");
        RunSample("vat", "--curves", vatCurves, "--metrics", vatMetrics);
        RunSample("supervised", "--curves", supervisedCurves);
        var output = new StringWriter();
        var error = new StringWriter();

        int exitCode = SampleProgram.Run(["--compare", vatMetrics, supervisedCurves, "--plot", figure], output, error);

        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}");
        Assert.Contains("2 runs drawn to", output.ToString());
        Assert.Equal(PngSignature, File.ReadAllBytes(figure).Take(8));
        var runs = CurvesComparison.Load([vatMetrics, supervisedCurves]);
        Assert.Equal("vat, cnn, 20 labels, seed 4", runs[0].Name);
        Assert.Equal("supervised", runs[1].Name);
    }

    [Fact]
    public void Compare_metrics_without_curves_exits_with_code_three()
    {
        string metrics = Path.Combine(_files.Directory, "plain.json");
        RunSample("supervised", "--metrics", metrics);
        var error = new StringWriter();

        int exitCode = SampleProgram.Run(["--compare", metrics, "--plot", Path.Combine(_files.Directory, "c.png")], new StringWriter(), error);

        Assert.Equal(3, exitCode);
        Assert.Contains("has no curves_file", error.ToString());
    }

    [Fact]
    public void Compare_damaged_csv_exits_with_code_three()
    {
        string curves = Path.Combine(_files.Directory, "damaged.csv");
        File.WriteAllText(curves, "step,ce\n1,0.5\n");
        var error = new StringWriter();

        int exitCode = SampleProgram.Run(["--compare", curves, "--plot", Path.Combine(_files.Directory, "c.png")], new StringWriter(), error);

        Assert.Equal(3, exitCode);
        Assert.Contains("damaged.csv: line 1 is 'step,ce'", error.ToString());
    }

    [Fact]
    public void Compare_missing_file_exits_with_code_three()
    {
        string missing = Path.Combine(_files.Directory, "missing.json");
        var error = new StringWriter();

        int exitCode = SampleProgram.Run(["--compare", missing, "--plot", Path.Combine(_files.Directory, "c.png")], new StringWriter(), error);

        Assert.Equal(FashionMnistTraining.DataErrorExitCode, exitCode);
        Assert.Contains($"error: --compare: {missing}: file not found.", error.ToString());
    }

    [Fact]
    public void Compare_folder_says_it_is_a_folder()
    {
        string folder = Path.Combine(_files.Directory, "tb");
        Directory.CreateDirectory(folder);
        var error = new StringWriter();

        int exitCode = SampleProgram.Run(["--compare", folder, "--plot", Path.Combine(_files.Directory, "c.png")], new StringWriter(), error);

        Assert.Equal(FashionMnistTraining.DataErrorExitCode, exitCode);
        Assert.Contains($"{folder} is a folder", error.ToString());
    }

    [Fact]
    public void Compare_legend_adds_differing_settings()
    {
        string lowCurves = Path.Combine(_files.Directory, "low.csv");
        string lowMetrics = Path.Combine(_files.Directory, "low.json");
        string highCurves = Path.Combine(_files.Directory, "high.csv");
        string highMetrics = Path.Combine(_files.Directory, "high.json");
        string supervisedMetrics = Path.Combine(_files.Directory, "supervised.json");
        RunSample("vat", "--epsilon", "0.5", "--curves", lowCurves, "--metrics", lowMetrics);
        RunSample("vat", "--epsilon", "4", "--curves", highCurves, "--metrics", highMetrics);
        RunSample("supervised", "--curves", Path.Combine(_files.Directory, "supervised.csv"), "--metrics", supervisedMetrics);

        var runs = CurvesComparison.Load([lowMetrics, highMetrics, supervisedMetrics]);

        Assert.Equal("vat, cnn, 20 labels, seed 4, epsilon 0.5", runs[0].Name);
        Assert.Equal("vat, cnn, 20 labels, seed 4, epsilon 4", runs[1].Name);
        Assert.Equal("supervised, cnn, 20 labels, seed 4", runs[2].Name);
    }

    [Fact]
    public void Compare_moved_metrics_suggests_csv()
    {
        string metrics = Path.Combine(_files.Directory, "moved.json");
        string curves = Path.Combine(_files.Directory, "moved.csv");
        RunSample("supervised", "--curves", curves, "--metrics", metrics);
        File.Delete(curves);
        var error = new StringWriter();

        int exitCode = SampleProgram.Run(["--compare", metrics, "--plot", Path.Combine(_files.Directory, "c.png")], new StringWriter(), error);

        Assert.Equal(FashionMnistTraining.DataErrorExitCode, exitCode);
        Assert.Contains($"pass it to --compare in place of {metrics}", error.ToString());
    }

    private string RunSample(string method, params string[] extra)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] args =
        [
            "--data", _files.Directory, "--method", method, "--labels", "20", "--batch", "10", "--unlabeled-batch", "16",
            "--steps", "5", "--eval-every", "3", "--log-every", "2", "--seed", "4", .. extra,
        ];
        if (!extra.Contains("--validation"))
        {
            args = [.. args, "--validation", "20"];
        }

        int exitCode = SampleProgram.Run(args, output, error);

        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}");
        return output.ToString();
    }
}

using System.IO;
using VatDsl.Samples.FashionMnist.Curves;
using Xunit;

namespace VatDsl.Tests.Samples;

/// <summary>The curves CSV format: round trip, empty accuracies and damaged files.</summary>
public sealed class FashionMnistCurvesCsvTests : System.IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "vatdsl-curves-" + Path.GetRandomFileName() + ".csv");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Rows_round_trip_exactly()
    {
        CurvePoint[] points =
        [
            new(100, 0.1 + 0.2, 1e-7, 0.3000001, 0.001, null, null, 12.345),
            new(200, 0.25, 0, 0.25, 0.0005, 0.8123, 0.8, 24.5),
        ];
        using (var writer = new CurvesWriter(_path))
        {
            foreach (CurvePoint point in points)
            {
                writer.Add(point);
            }
        }

        Assert.Equal(points, CurvesCsv.Read(_path));
        Assert.Equal("100,0.30000000000000004,1E-07,0.3000001,0.001,,,12.345", File.ReadAllLines(_path)[1]);
    }

    [Theory]
    [InlineData("step,ce\n", "line 1 is 'step,ce'")]
    [InlineData("a\u0001b\u0007c\n", "line 1 is 'a?b?c'")]
    [InlineData("step,ce,lds,total,lr,validation_accuracy,test_accuracy,elapsed_seconds\n1,2,3\n", "line 2 has 3 fields, expected 8")]
    [InlineData("step,ce,lds,total,lr,validation_accuracy,test_accuracy,elapsed_seconds\n1,x,0,0,0,,,0\n", "line 2: ce is 'x', expected a number")]
    [InlineData("step,ce,lds,total,lr,validation_accuracy,test_accuracy,elapsed_seconds\n1,,0,0,0,,,0\n", "line 2: ce is empty")]
    [InlineData("step,ce,lds,total,lr,validation_accuracy,test_accuracy,elapsed_seconds\n-1,0,0,0,0,,,0\n", "line 2: step is '-1'")]
    public void Damaged_file_is_reported(string content, string expected)
    {
        File.WriteAllText(_path, content);

        var error = Assert.Throws<InvalidDataException>(() => CurvesCsv.Read(_path));

        Assert.Contains(expected, error.Message);
        Assert.Contains(_path, error.Message);
    }

    [Fact]
    public void Long_binary_header_is_shortened()
    {
        File.WriteAllText(_path, new string('\u0002', 500) + "\n");

        var error = Assert.Throws<InvalidDataException>(() => CurvesCsv.Read(_path));

        Assert.Contains($"line 1 is '{new string('?', 80)}...'", error.Message);
        Assert.DoesNotContain("\u0002", error.Message);
    }
}

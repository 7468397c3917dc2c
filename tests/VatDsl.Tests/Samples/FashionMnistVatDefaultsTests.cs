using System;
using System.IO;
using System.Text.RegularExpressions;
using VatDsl.Samples.FashionMnist;
using VatDsl.Tests.Data;
using Xunit;

namespace VatDsl.Tests.Samples;

public sealed class FashionMnistVatDefaultsTests : IDisposable
{
    private readonly IdxTestFiles _files = new();

    public FashionMnistVatDefaultsTests()
    {
        _files.WriteFashionMnist(trainCount: 200, testCount: 40, gzip: true, rows: 28, columns: 28);
    }

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Mlp_run_without_options_uses_table()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int exitCode = SampleProgram.Run(
            ["--data", _files.Directory, "--network", "mlp", "--labels", "20", "--batch", "10", "--unlabeled-batch", "16",
             "--steps", "1", "--eval-every", "0", "--log-every", "1", "--validation", "20"],
            output, error);

        Assert.True(exitCode == 0, error.ToString());
        Assert.Contains("epsilon 1, xi 0.01, power iterations 1", output.ToString());
    }

    [Theory]
    [InlineData("cnn")]
    [InlineData("mlp")]
    public void Network_defaults_give_float32_xi(string network)
    {
        VatOptions defaults = SampleNetworks.VatDefaults(network);

        Assert.Equal(1.0, defaults.Epsilon);
        Assert.Equal(0.01, defaults.Xi);
    }

    [Fact]
    public void Cnn_defaults_come_from_declaration()
    {
        Assert.Equal(FashionCnn.DefaultVatOptions, SampleNetworks.VatDefaults("cnn"));
    }

    [Fact]
    public void Help_states_defaults_per_network()
    {
        var output = new StringWriter();

        SampleProgram.Run(["--help"], output, new StringWriter());

        string help = Regex.Replace(output.ToString(), @"\s+", " ");
        Assert.Contains("Default 1 for both networks, cnn from [Vat] on FashionCnn and mlp from the sample's defaults", help);
        Assert.Contains("Default 0.01 for both networks", help);
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using TorchSharp.PyBridge;
using VatDsl.Export;
using VatDsl.Networks;
using VatDsl.Samples.FashionMnist;
using VatDsl.Tests.Checkpoints;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests.Export;

public sealed class PyTorchExportTests : IDisposable
{
    /// <summary>
    /// state_dict keys of the PyTorch nn.Sequential equal to FashionCnn, as documented in
    /// samples/FashionMnist/README.md. Layers without parameters (LeakyReLU, MaxPool2d, Flatten,
    /// Dropout, ReLU) take an index but have no key.
    /// </summary>
    private static readonly string[] FashionCnnKeys =
    [
        "0.weight", "0.bias",
        "1.weight", "1.bias", "1.running_mean", "1.running_var", "1.num_batches_tracked",
        "4.weight", "4.bias",
        "5.weight", "5.bias", "5.running_mean", "5.running_var", "5.num_batches_tracked",
        "10.weight", "10.bias",
        "12.weight", "12.bias",
    ];

    /// <summary>
    /// state_dict keys of the PyTorch nn.Sequential equal to MnistMlpImage, whose Linear and
    /// BatchNorm layers are named fc1..fc5 and bn1..bn5 in an OrderedDict.
    /// </summary>
    private static readonly string[] MnistMlpImageKeys = Enumerable.Range(1, 5)
        .SelectMany(i => new[]
        {
            $"fc{i}.weight", $"fc{i}.bias",
            $"bn{i}.weight", $"bn{i}.bias", $"bn{i}.running_mean", $"bn{i}.running_var", $"bn{i}.num_batches_tracked",
        })
        .ToArray();

    private readonly string _folder = Directory.CreateTempSubdirectory("vatdsl-export-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void FashionCnn_export_has_sequential_keys()
    {
        using var model = Trained(new FashionCnn(), 4);
        string path = Path.Combine(_folder, "cnn.pt");

        PyTorchExport.Save(model, path);

        Assert.Equal(FashionCnnKeys.Order(StringComparer.Ordinal), ReadKeys(path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void MnistMlpImage_export_has_named_keys()
    {
        using var model = Trained(new MnistMlpImage(), 4);
        string path = Path.Combine(_folder, "mlp.pt");

        PyTorchExport.Save(model, path);

        Assert.Equal(MnistMlpImageKeys.Order(StringComparer.Ordinal), ReadKeys(path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FashionCnn_export_reads_back_bit_exactly() =>
        AssertRoundTrip(Trained(new FashionCnn(), 4), () => new FashionCnn());

    [Fact]
    public void MnistMlpImage_export_reads_back_bit_exactly() =>
        AssertRoundTrip(Trained(new MnistMlpImage(), 4), () => new MnistMlpImage());

    [Fact]
    public void BatchNorm_buffers_have_pytorch_types()
    {
        using var model = Trained(new FashionCnn(), 4);
        string path = Path.Combine(_folder, "cnn.pt");

        PyTorchExport.Save(model, path);

        Hashtable stateDict = Unpickle(path);
        var tracked = (Tensor)stateDict["1.num_batches_tracked"]!;
        var runningVar = (Tensor)stateDict["1.running_var"]!;
        Assert.Equal(ScalarType.Int64, tracked.dtype);
        Assert.Empty(tracked.shape);
        Assert.Equal(2, tracked.item<long>());
        Assert.Equal(ScalarType.Float32, runningVar.dtype);
        Assert.Equal([32L], runningVar.shape);
    }

    [Fact]
    public void Load_into_other_network_is_rejected()
    {
        using var cnn = new FashionCnn();
        manual_seed(1);
        using var mlp = new MnistMlpImage();
        string path = Path.Combine(_folder, "cnn.pt");
        PyTorchExport.Save(cnn, path);

        manual_seed(1);
        using var untouched = new MnistMlpImage();

        var error = Assert.Throws<ArgumentException>(() => PyTorchExport.Load(mlp, path));

        Assert.Contains($"The state_dict in {path} does not fit the model {typeof(MnistMlpImage).FullName}", error.Message);
        Assert.Contains("missing keys fc1.weight", error.Message);
        Assert.Contains("unexpected keys ", error.Message);
        CheckpointTestRun.AssertSameState(untouched, mlp);
    }

    [Fact]
    public void Load_missing_file_names_path()
    {
        using var cnn = new FashionCnn();
        string path = Path.Combine(_folder, "absent.pt");

        var error = Assert.Throws<FileNotFoundException>(() => PyTorchExport.Load(cnn, path));

        Assert.Contains(path, error.Message);
    }

    private void AssertRoundTrip(nn.Module<Tensor, Tensor> trained, Func<nn.Module<Tensor, Tensor>> create)
    {
        using var original = trained;
        string path = Path.Combine(_folder, "weights.pt");
        PyTorchExport.Save(original, path);
        manual_seed(12345);
        using nn.Module<Tensor, Tensor> fresh = create();

        PyTorchExport.Load(fresh, path);

        CheckpointTestRun.AssertSameState(original, fresh);
    }

    /// <summary>Returns <paramref name="model"/> after two supervised steps, so BatchNorm buffers hold trained values.</summary>
    private static T Trained<T>(T model, int batch) where T : nn.Module<Tensor, Tensor>, IVatNetwork
    {
        manual_seed(7);
        using var optimizer = optim.Adam(model.parameters(), 0.01);
        for (int step = 0; step < 2; step++)
        {
            using var scope = NewDisposeScope();
            Tensor images = rand([batch, 1, 28, 28]);
            Tensor labels = randint(0, 10, [batch]);
            model.SupervisedStep(images, labels, optimizer);
        }

        return model;
    }

    private static Hashtable Unpickle(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return PyTorchUnpickler.UnpickleStateDict(stream);
    }

    private static IEnumerable<string> ReadKeys(string path) => Unpickle(path).Keys.Cast<string>().ToArray();
}

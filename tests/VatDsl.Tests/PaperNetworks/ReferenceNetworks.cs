using System.Collections.Generic;
using VatDsl.Layers;
using static TorchSharp.torch;

namespace VatDsl.Tests.PaperNetworks;

/// <summary>
/// The VAT paper's networks written by hand with TorchSharp modules, layer by layer from the
/// official code, to check the generated declarations against. Layers with parameters carry the
/// names of the declarations; parameterless layers have their own names, which state_dict never shows.
/// </summary>
internal static class ReferenceNetworks
{
    // takerum/vat, source/theano/layers/batch_normalization.py: eps 1e-6, moving-average ratio 0.9.
    private const double MlpBatchNormEpsilon = 1e-6;
    private const double MlpBatchNormMomentum = 0.1;

    // takerum/vat_tf, layers.py: eps 1e-6, moving-average decay 0.99.
    private const double ConvBatchNormEpsilon = 1e-6;
    private const double ConvBatchNormMomentum = 0.01;

    /// <summary>784-1200-600-300-150-10 with BatchNorm on every layer and noise before each hidden ReLU.</summary>
    public static nn.Module<Tensor, Tensor> MnistMlp(bool flattenFirst = false)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        if (flattenFirst)
        {
            layers.Add(("flatten", nn.Flatten()));
        }

        int[] widths = { 784, 1200, 600, 300, 150, 10 };
        for (int i = 1; i < widths.Length; i++)
        {
            layers.Add(($"fc{i}", nn.Linear(widths[i - 1], widths[i], hasBias: true)));
            layers.Add(($"bn{i}", nn.BatchNorm1d(widths[i], eps: MlpBatchNormEpsilon, momentum: MlpBatchNormMomentum)));
            bool hidden = i < widths.Length - 1;
            if (hidden)
            {
                layers.Add(($"noise{i}", new GaussianNoise(0.5)));
                layers.Add(($"relu{i}", nn.ReLU()));
            }
        }

        return nn.Sequential(layers);
    }

    /// <summary>Conv-Large of takerum/vat_tf cnn.py: widths 128/256/512-256-128.</summary>
    public static nn.Module<Tensor, Tensor> ConvLarge(bool topBatchNorm = false) =>
        ConvNetwork(128, 256, 512, 256, 128, topBatchNorm);

    /// <summary>Conv-Small: the Conv-Large sequence with widths 96/192/192-192-192.</summary>
    public static nn.Module<Tensor, Tensor> ConvSmall() => ConvNetwork(96, 192, 192, 192, 192, topBatchNorm: false);

    private static nn.Module<Tensor, Tensor> ConvNetwork(
        int block1, int block2, int valid, int pointwise1, int pointwise2, bool topBatchNorm)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        int channels = 3;

        void AddConv(int index, int outChannels, int kernel, int padding)
        {
            layers.Add(($"c{index}", nn.Conv2d(channels, outChannels, kernel, stride: 1, padding: padding, bias: false)));
            layers.Add(($"b{index}", nn.BatchNorm2d(outChannels, eps: ConvBatchNormEpsilon, momentum: ConvBatchNormMomentum)));
            layers.Add(($"lrelu{index}", nn.LeakyReLU(0.1)));
            channels = outChannels;
        }

        AddConv(1, block1, kernel: 3, padding: 1);
        AddConv(2, block1, kernel: 3, padding: 1);
        AddConv(3, block1, kernel: 3, padding: 1);
        layers.Add(("pool1", nn.MaxPool2d(2, stride: 2)));
        layers.Add(("drop1", nn.Dropout(0.5)));

        AddConv(4, block2, kernel: 3, padding: 1);
        AddConv(5, block2, kernel: 3, padding: 1);
        AddConv(6, block2, kernel: 3, padding: 1);
        layers.Add(("pool2", nn.MaxPool2d(2, stride: 2)));
        layers.Add(("drop2", nn.Dropout(0.5)));

        AddConv(7, valid, kernel: 3, padding: 0);
        AddConv(8, pointwise1, kernel: 1, padding: 0);
        AddConv(9, pointwise2, kernel: 1, padding: 0);

        // Global average pooling written with TorchSharp's own modules, independent of VatDsl's GlobalAvgPool.
        layers.Add(("gap", nn.AdaptiveAvgPool2d(1)));
        layers.Add(("flatten", nn.Flatten()));
        layers.Add(("fc", nn.Linear(channels, 10, hasBias: true)));
        if (topBatchNorm)
        {
            layers.Add(("bfc", nn.BatchNorm1d(10, eps: ConvBatchNormEpsilon, momentum: ConvBatchNormMomentum)));
        }

        return nn.Sequential(layers);
    }
}

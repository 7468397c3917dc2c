using System;
using System.Collections.Generic;
using VatDsl.Networks;
using static TorchSharp.torch;

namespace VatDsl.Tests.PaperNetworks;

/// <summary>
/// A generated network of the VAT paper (Miyato et al., TPAMI 2018), its hand-built reference and its
/// parameter total counted by hand.
/// </summary>
internal sealed record PaperNetworkCase(
    string Name,
    Func<nn.Module<Tensor, Tensor>> CreateGenerated,
    Func<nn.Module<Tensor, Tensor>> CreateReference,
    NetworkSummary Summary,
    long[] InputShape,
    long ExpectedParameters)
{
    // MNIST MLP, Linear with bias then BatchNorm (gamma and beta) on each of the 5 layers:
    //   fc1 784*1200 + 1200 = 942,000    bn1 2*1200 = 2,400
    //   fc2 1200*600 + 600  = 720,600    bn2 2*600  = 1,200
    //   fc3 600*300 + 300   = 180,300    bn3 2*300  =   600
    //   fc4 300*150 + 150   =  45,150    bn4 2*150  =   300
    //   fc5 150*10 + 10     =   1,510    bn5 2*10   =    20
    //   total 1,889,560 + 4,520 = 1,894,080
    private const long MnistMlpParameters = 1_894_080;

    // Conv-Large, convolutions without bias (in * out * k * k), BatchNorm 2 * channels:
    //   c1 3*128*9   =     3,456    c2, c3 128*128*9 = 147,456 each
    //   c4 128*256*9 =   294,912    c5, c6 256*256*9 = 589,824 each
    //   c7 256*512*9 = 1,179,648    c8 512*256 = 131,072    c9 256*128 = 32,768
    //   convolutions 3,116,416
    //   BatchNorm 2*(3*128 + 3*256 + 512 + 256 + 128) = 4,096
    //   fc 128*10 + 10 = 1,290
    //   total 3,121,802, and 3,121,822 with the BatchNorm bfc (2*10)
    private const long ConvLargeParameters = 3_121_802;
    private const long ConvLargeTopBnParameters = 3_121_822;

    // Conv-Small:
    //   c1 3*96*9 = 2,592    c2, c3 96*96*9 = 82,944 each    c4 96*192*9 = 165,888
    //   c5, c6, c7 192*192*9 = 331,776 each    c8, c9 192*192 = 36,864 each
    //   convolutions 1,403,424
    //   BatchNorm 2*(3*96 + 6*192) = 2,880
    //   fc 192*10 + 10 = 1,930
    //   total 1,408,234
    private const long ConvSmallParameters = 1_408_234;

    private static readonly long[] MnistFeatures = { 784 };
    private static readonly long[] MnistImage = { 1, 28, 28 };
    private static readonly long[] ColorImage = { 3, 32, 32 };

    /// <summary>Every case by name, for xunit theories.</summary>
    public static IReadOnlyDictionary<string, PaperNetworkCase> All { get; } = new Dictionary<string, PaperNetworkCase>
    {
        [nameof(MnistMlp)] = new(nameof(MnistMlp), () => new MnistMlp(), () => ReferenceNetworks.MnistMlp(),
            MnistMlp.Summary, MnistFeatures, MnistMlpParameters),
        [nameof(MnistMlpImage)] = new(nameof(MnistMlpImage), () => new MnistMlpImage(),
            () => ReferenceNetworks.MnistMlp(flattenFirst: true), MnistMlpImage.Summary, MnistImage, MnistMlpParameters),
        [nameof(ConvSmall)] = new(nameof(ConvSmall), () => new ConvSmall(), ReferenceNetworks.ConvSmall,
            ConvSmall.Summary, ColorImage, ConvSmallParameters),
        [nameof(ConvLarge)] = new(nameof(ConvLarge), () => new ConvLarge(), () => ReferenceNetworks.ConvLarge(),
            ConvLarge.Summary, ColorImage, ConvLargeParameters),
        [nameof(ConvLargeTopBn)] = new(nameof(ConvLargeTopBn), () => new ConvLargeTopBn(),
            () => ReferenceNetworks.ConvLarge(topBatchNorm: true), ConvLargeTopBn.Summary, ColorImage, ConvLargeTopBnParameters),
    };

    /// <summary>A batch of standard normal inputs of the network's input shape.</summary>
    public Tensor RandomBatch(long batchSize)
    {
        var shape = new long[InputShape.Length + 1];
        shape[0] = batchSize;
        InputShape.CopyTo(shape, 1);
        return randn(shape);
    }
}

using TorchSharp;
using static TorchSharp.torch;

namespace VatDsl.Tests.Support;

/// <summary>Small networks for the runtime tests, built from a fixed seed so two calls give equal weights.</summary>
internal static class TestModels
{
    public static nn.Module<Tensor, Tensor> Mlp(int features, int hidden, int classes, long seed = 1,
        ScalarType dtype = ScalarType.Float32)
    {
        manual_seed(seed);
        return nn.Sequential(
            ("fc1", nn.Linear(features, hidden, dtype: dtype)),
            ("act", nn.Tanh()),
            ("fc2", nn.Linear(hidden, classes, dtype: dtype)));
    }

    /// <summary>Conv2d, BatchNorm2d, ReLU, Flatten, Linear, BatchNorm1d, ReLU, Linear for (1, 4, 4) inputs.</summary>
    public static nn.Module<Tensor, Tensor> WithBatchNorm(long seed = 1, ScalarType dtype = ScalarType.Float64)
    {
        manual_seed(seed);
        return nn.Sequential(
            ("conv", nn.Conv2d(1, 3, 3, padding: 1, dtype: dtype)),
            ("bn2d", nn.BatchNorm2d(3, dtype: dtype)),
            ("relu1", nn.ReLU()),
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(48, 8, dtype: dtype)),
            ("bn1d", nn.BatchNorm1d(8, dtype: dtype)),
            ("relu2", nn.ReLU()),
            ("fc2", nn.Linear(8, 3, dtype: dtype)));
    }

    public static nn.Module<Tensor, Tensor> WithDropout(int features, int classes, long seed = 1,
        ScalarType dtype = ScalarType.Float64)
    {
        manual_seed(seed);
        return nn.Sequential(
            ("fc1", nn.Linear(features, 16, dtype: dtype)),
            ("act", nn.ReLU()),
            ("drop", nn.Dropout(0.5)),
            ("fc2", nn.Linear(16, classes, dtype: dtype)));
    }
}

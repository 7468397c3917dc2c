namespace VatDsl.Generators.Tests;

/// <summary>Network declarations shared by the snapshot, compile and incrementality tests.</summary>
internal static class TestDeclarations
{
    /// <summary>The declaration of samples/FashionMnist/FashionCnn.cs.</summary>
    public const string FashionCnn = """
        using VatDsl;

        namespace VatDsl.Samples.FashionMnist;

        /// <summary>Small convolutional network for 28x28 grayscale images and 10 classes.</summary>
        [Network(1, 28, 28)]
        [Conv2d(32, Kernel = 3, Padding = 1), BatchNorm, LeakyReLU(0.1), MaxPool2d(2)]
        [Conv2d(64, Kernel = 3, Padding = 1), BatchNorm, LeakyReLU(0.1), MaxPool2d(2)]
        [Flatten, Dropout(0.5), Linear(128), ReLU, Linear(10)]
        [Vat(Epsilon = 2.0)]
        public partial class FashionCnn;
        """;

    /// <summary>A multilayer perceptron for 2-D points with every [Vat] option set.</summary>
    public const string Mlp = """
        using VatDsl;

        namespace Demo.Moons
        {
            /// <summary>Two-moons classifier.</summary>
            [Network(2, Classes = 2)]
            [Linear(100), ReLU, Linear(100), Tanh]
            [Linear(2, Bias = false), BatchNorm(Momentum = 0.01, Epsilon = 1e-3)]
            [Vat(Epsilon = 0.5, Xi = 1e-6, PowerIterations = 2, Alpha = 1, EntropyWeight = 0.25)]
            internal sealed partial class MoonsMlp
            {
            }
        }
        """;

    /// <summary>Named layers give state_dict prefixes, fields and public properties.</summary>
    public const string NamedLayers = """
        using VatDsl;

        namespace Demo.Named;

        [Network(3, 32, 32)]
        [Conv2d(16, Kernel = 5, Stride = 2, Padding = 2, Bias = false, Name = "conv1"), BatchNorm(Name = "bn1"), ReLU]
        [Conv2d(32, Name = "conv2"), GELU, AvgPool2d(3, Stride = 2, Padding = 1), GlobalAvgPool]
        [GaussianNoise(0.15, Name = "noise"), Linear(10, Name = "classifier")]
        public partial class NamedCnn;
        """;

    /// <summary>A network nested in types of different kinds, in the global namespace, with a keyword name.</summary>
    public const string Nested = """
        using VatDsl;

        /// <summary>Container of experiments.</summary>
        public partial struct Experiments
        {
            internal partial record Models
            {
                [Network(8)]
                [Linear(16), Sigmoid, Dropout(0.25), Linear(8), ELU(0.5), Softplus(Beta = 2)]
                [Linear(4), BatchNorm]
                private partial class @class;
            }
        }
        """;

    /// <summary>A declaration with several errors.</summary>
    public const string WithErrors = """
        using VatDsl;

        namespace Demo.Broken;

        [Network(1, 28, 28, Classes = 10)]
        [Conv2d(8, Kernel = 3, Stride = 0), BatchNorm(Momentum = 1.5)]
        [Linear(10, Name = "fc.out"), Dropout(1.0)]
        [Vat(Epsilon = -1)]
        internal partial class BrokenNet;
        """;
}

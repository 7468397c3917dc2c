namespace VatDsl.Generators.Parsing;

/// <summary>
/// Defaults of layer attribute properties. They must equal the property initializers in
/// src/VatDsl/Declarations/Layers.cs, because metadata does not record initializers; a test
/// compares the two. Defaults of constructor parameters come from the attribute data itself.
/// </summary>
internal static class LayerDefaults
{
    public const bool Bias = true;
    public const int ConvKernel = 3;
    public const int ConvStride = 1;
    public const int Padding = 0;
    public const int PoolStride = 0;
    public const double BatchNormMomentum = 0.1;
    public const double BatchNormEpsilon = 1e-5;
    public const double SoftplusBeta = 1.0;
    public const double SoftplusThreshold = 20.0;
    public const double LeakyReLUSlope = 0.01;
    public const double DropoutProbability = 0.5;
    public const double EluAlpha = 1.0;
}

using VatDsl.Generators.Parsing;
using Xunit;

namespace VatDsl.Generators.Tests;

/// <summary>
/// The generator's copies of the attribute property defaults equal the runtime attributes'
/// initializers, which metadata does not record.
/// </summary>
public sealed class LayerDefaultsTests
{
    [Fact]
    public void Conv2d_defaults_match_runtime()
    {
        var attribute = new Conv2dAttribute(1);

        Assert.Equal(LayerDefaults.ConvKernel, attribute.Kernel);
        Assert.Equal(LayerDefaults.ConvStride, attribute.Stride);
        Assert.Equal(LayerDefaults.Padding, attribute.Padding);
        Assert.Equal(LayerDefaults.Bias, attribute.Bias);
    }

    [Fact]
    public void Linear_defaults_match_runtime() => Assert.Equal(LayerDefaults.Bias, new LinearAttribute(1).Bias);

    [Fact]
    public void BatchNorm_defaults_match_runtime()
    {
        var attribute = new BatchNormAttribute();

        Assert.Equal(LayerDefaults.BatchNormMomentum, attribute.Momentum);
        Assert.Equal(LayerDefaults.BatchNormEpsilon, attribute.Epsilon);
    }

    [Fact]
    public void Pool_defaults_match_runtime()
    {
        Assert.Equal(LayerDefaults.PoolStride, new MaxPool2dAttribute(2).Stride);
        Assert.Equal(LayerDefaults.Padding, new MaxPool2dAttribute(2).Padding);
        Assert.Equal(LayerDefaults.PoolStride, new AvgPool2dAttribute(2).Stride);
        Assert.Equal(LayerDefaults.Padding, new AvgPool2dAttribute(2).Padding);
    }

    [Fact]
    public void Activation_defaults_match_runtime()
    {
        var softplus = new SoftplusAttribute();

        Assert.Equal(LayerDefaults.SoftplusBeta, softplus.Beta);
        Assert.Equal(LayerDefaults.SoftplusThreshold, softplus.Threshold);
        Assert.Equal(LayerDefaults.LeakyReLUSlope, new LeakyReLUAttribute().NegativeSlope);
        Assert.Equal(LayerDefaults.DropoutProbability, new DropoutAttribute().Probability);
        Assert.Equal(LayerDefaults.EluAlpha, new ELUAttribute().Alpha);
    }
}

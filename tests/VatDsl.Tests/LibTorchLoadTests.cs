using System;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests;

/// <summary>Proves on every run that LibTorch loads on this machine.</summary>
public sealed class LibTorchLoadTests
{
    [Fact]
    public void LibTorch_loads_and_computes()
    {
        double sum;
        try
        {
            using Tensor values = ones(3, dtype: ScalarType.Float64);
            sum = values.sum().item<double>();
        }
        catch (Exception e) when (e is TypeInitializationException or NotSupportedException or DllNotFoundException)
        {
            Assert.Fail(
                "LibTorch failed to load: " + e.GetBaseException().Message + " On Debian 12 and Ubuntu 22.04 the build " +
                "step VatDslPatchOutputLibTorchSharp (src/VatDsl/buildTransitive/VatDsl.targets) must have marked " +
                "GLIBCXX_3.4.32 weak in libLibTorchSharp.so of the output folder; check the build log for it and that " +
                "VatDslPatchLibTorchSharp is not set to false.");
            return;
        }

        Assert.Equal(3.0, sum);
    }
}

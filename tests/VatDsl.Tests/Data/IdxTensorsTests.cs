using System;
using VatDsl.Data;
using Xunit;
using static TorchSharp.torch;

namespace VatDsl.Tests.Data;

public sealed class IdxTensorsTests
{
    [Fact]
    public void Image_tensor_scaled_with_channel_axis()
    {
        byte[] pixels = [0, 51, 255, 102, 1, 2, 3, 4];
        var images = new IdxArray(pixels, [2, 2, 2], "test");

        using Tensor tensor = IdxTensors.ToImageTensor(images);

        Assert.Equal([2L, 1, 2, 2], tensor.shape);
        Assert.Equal(ScalarType.Float32, tensor.dtype);

        // Both sides divide in float32. 1e-7, about one ulp at 1.0, covers LibTorch rounding differently.
        float[] values = tensor.data<float>().ToArray();
        for (int i = 0; i < pixels.Length; i++)
        {
            Assert.Equal(pixels[i] / 255f, values[i], 1e-7f);
        }
    }

    [Fact]
    public void Label_tensor_is_int64()
    {
        var labels = new IdxArray([3, 0, 9], [3], "test");

        using Tensor tensor = IdxTensors.ToLabelTensor(labels);

        Assert.Equal(ScalarType.Int64, tensor.dtype);
        Assert.Equal([3L, 0, 9], tensor.data<long>().ToArray());
    }

    [Fact]
    public void Image_tensor_rejects_wrong_rank()
    {
        var labels = new IdxArray([3, 0, 9], [3], "labels-file");

        var error = Assert.Throws<ArgumentException>(() => IdxTensors.ToImageTensor(labels));

        Assert.Contains("labels-file has shape (3)", error.Message);
    }

    [Fact]
    public void Label_tensor_rejects_wrong_rank()
    {
        var images = new IdxArray(new byte[8], [2, 2, 2], "images-file");

        Assert.Throws<ArgumentException>(() => IdxTensors.ToLabelTensor(images));
    }

    [Fact]
    public void Array_rejects_data_length_mismatch()
    {
        var error = Assert.Throws<ArgumentException>(() => new IdxArray(new byte[7], [2, 2, 2], "x"));

        Assert.Contains("Data has 7 bytes, but shape (2, 2, 2) needs 8", error.Message);
    }
}

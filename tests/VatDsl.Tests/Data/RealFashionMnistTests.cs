using System.IO;
using System.Linq;
using VatDsl.Data;
using Xunit;

namespace VatDsl.Tests.Data;

/// <summary>Reads the published Fashion-MNIST files from the Debian package dataset-fashion-mnist.</summary>
public sealed class RealFashionMnistTests
{
    [Fact]
    public void Installed_files_have_published_sizes()
    {
        if (!Directory.Exists(FashionMnistDataset.DefaultDirectory))
        {
            Assert.Fail(
                $"{FashionMnistDataset.DefaultDirectory} not found. Install the dataset with " +
                "`sudo apt-get install dataset-fashion-mnist` (CI installs it in .ci/run).");
        }

        FashionMnistDataset dataset = FashionMnistDataset.Load();

        Assert.Equal([60000, 28, 28], dataset.Train.Images.Shape);
        Assert.Equal([60000], dataset.Train.Labels.Shape);
        Assert.Equal([10000, 28, 28], dataset.Test.Images.Shape);
        Assert.Equal([10000], dataset.Test.Labels.Shape);
        Assert.True(dataset.Train.Labels.Data.All(label => label <= 9), "a training label is above 9");
        Assert.True(dataset.Test.Labels.Data.All(label => label <= 9), "a test label is above 9");

        // Both published splits are exactly balanced: 6000 and 1000 images per class.
        for (int c = 0; c < 10; c++)
        {
            Assert.Equal(6000, dataset.Train.Labels.Data.Count(label => label == c));
            Assert.Equal(1000, dataset.Test.Labels.Data.Count(label => label == c));
        }
    }
}

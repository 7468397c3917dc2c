using System.Collections.Generic;
using System.Linq;
using VatDsl.Tests.Support;
using Xunit;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VatDsl.Tests.PaperNetworks;

/// <summary>
/// The generated networks of the VAT paper equal their hand-built TorchSharp references: same
/// parameters, same state_dict, and the same logits once they share weights.
/// </summary>
public sealed class PaperNetworkStructureTests
{
    // The two networks run the same float32 kernels on the same weights. Only global average
    // pooling differs (VatDsl's GlobalAvgPool against AdaptiveAvgPool2d and Flatten), which may
    // sum in another order and so moves the logits by float32 rounding, about 1e-7 relative.
    // 1e-5 leaves room for that and still fails on a changed layer, padding, slope or epsilon.
    private const double LogitTolerance = 1e-5;

    // Running statistics after one step are averages of the same activations. 1e-6 is about ten
    // float32 rounding steps at their magnitude, which is around 1.
    private const double BufferTolerance = 1e-6;

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Parameter_total_matches_hand_count(string name)
    {
        PaperNetworkCase paperCase = PaperNetworkCase.All[name];
        using var generated = paperCase.CreateGenerated();
        using var reference = paperCase.CreateReference();

        Assert.Equal(paperCase.ExpectedParameters, CountParameters(generated));
        Assert.Equal(paperCase.ExpectedParameters, CountParameters(reference));
        Assert.Equal(paperCase.ExpectedParameters, paperCase.Summary.TotalParameters);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Layer_parameter_counts_match_reference(string name)
    {
        PaperNetworkCase paperCase = PaperNetworkCase.All[name];
        using var generated = paperCase.CreateGenerated();
        using var reference = paperCase.CreateReference();

        List<(string Name, long Count)> generatedCounts = CountParametersByLayer(generated);
        List<(string Name, long Count)> referenceCounts = CountParametersByLayer(reference);

        // Parameterless layers are named differently in the reference, so only layers with parameters are compared.
        Assert.Equal(WithParameters(referenceCounts), WithParameters(generatedCounts));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Summary_layers_match_generated_modules(string name)
    {
        PaperNetworkCase paperCase = PaperNetworkCase.All[name];
        using var generated = paperCase.CreateGenerated();

        List<(string Name, long Count)> moduleCounts = CountParametersByLayer(generated);
        var summaryCounts = paperCase.Summary.Layers.Select(layer => (layer.Name, layer.ParameterCount)).ToList();

        Assert.Equal(moduleCounts, summaryCounts);
        Assert.Equal(new long[] { 10 }, paperCase.Summary.Layers[^1].OutputShape);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void State_dict_matches_reference(string name)
    {
        PaperNetworkCase paperCase = PaperNetworkCase.All[name];
        using var generated = paperCase.CreateGenerated();
        using var reference = paperCase.CreateReference();

        Dictionary<string, Tensor> generatedState = generated.state_dict();
        Dictionary<string, Tensor> referenceState = reference.state_dict();

        Assert.Equal(referenceState.Keys.Order(), generatedState.Keys.Order());
        foreach ((string key, Tensor referenceTensor) in referenceState)
        {
            Assert.True(referenceTensor.shape.SequenceEqual(generatedState[key].shape),
                $"{key}: shape ({string.Join(", ", generatedState[key].shape)}), expected ({string.Join(", ", referenceTensor.shape)}).");
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void BatchNorm_settings_match_reference(string name)
    {
        PaperNetworkCase paperCase = PaperNetworkCase.All[name];
        using var generated = paperCase.CreateGenerated();
        using var reference = paperCase.CreateReference();

        Dictionary<string, NormBase> generatedNorms = BatchNormsByName(generated);
        Dictionary<string, NormBase> referenceNorms = BatchNormsByName(reference);

        Assert.Equal(referenceNorms.Keys.Order(), generatedNorms.Keys.Order());
        foreach ((string layer, NormBase expected) in referenceNorms)
        {
            Assert.True(expected.eps == generatedNorms[layer].eps, $"{layer}: eps {generatedNorms[layer].eps}, expected {expected.eps}.");
            Assert.True(expected.momentum == generatedNorms[layer].momentum,
                $"{layer}: momentum {generatedNorms[layer].momentum}, expected {expected.momentum}.");
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Evaluation_logits_match_reference(string name)
    {
        PaperNetworkCase paperCase = PaperNetworkCase.All[name];
        using var scope = NewDisposeScope();
        using var generated = paperCase.CreateGenerated();
        using var reference = paperCase.CreateReference();
        RandomizeBatchNorm(reference);
        CopyState(reference, generated);
        generated.eval();
        reference.eval();
        Tensor input = paperCase.RandomBatch(2);

        using var noGrad = no_grad();
        Tensor expected = reference.call(input);
        Tensor actual = generated.call(input);

        TensorAssert.RelativeClose(TensorAssert.Values(expected), actual, LogitTolerance, $"{name} evaluation logits");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Training_step_matches_reference(string name)
    {
        PaperNetworkCase paperCase = PaperNetworkCase.All[name];
        using var scope = NewDisposeScope();
        using var generated = paperCase.CreateGenerated();
        using var reference = paperCase.CreateReference();
        CopyState(reference, generated);
        generated.train();
        reference.train();
        Tensor input = paperCase.RandomBatch(4);

        // The same seed before each forward pass gives both networks the same dropout masks and
        // noise, provided their layers draw them in the same order and shapes.
        using var noGrad = no_grad();
        manual_seed(11);
        Tensor expected = reference.call(input);
        manual_seed(11);
        Tensor actual = generated.call(input);

        TensorAssert.RelativeClose(TensorAssert.Values(expected), actual, LogitTolerance, $"{name} training logits");

        // The running statistics moved by the declared momentum.
        Dictionary<string, Tensor> generatedState = generated.state_dict();
        foreach ((string key, Tensor referenceTensor) in reference.state_dict())
        {
            TensorAssert.AbsoluteClose(TensorAssert.Values(referenceTensor), generatedState[key], BufferTolerance, $"{name} {key}");
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Logits_have_shape_batch_by_10(string name)
    {
        PaperNetworkCase paperCase = PaperNetworkCase.All[name];
        using var scope = NewDisposeScope();
        using var generated = paperCase.CreateGenerated();
        Tensor input = paperCase.RandomBatch(2);

        Tensor trainingLogits = generated.call(input);
        generated.eval();
        Tensor evaluationLogits = generated.call(input);

        Assert.Equal(new long[] { 2, 10 }, trainingLogits.shape);
        Assert.Equal(new long[] { 2, 10 }, evaluationLogits.shape);
    }

    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (string name in PaperNetworkCase.All.Keys)
        {
            names.Add(name);
        }

        return names;
    }

    private static long CountParameters(nn.Module module) => module.parameters().Sum(parameter => parameter.numel());

    /// <summary>Parameter count of every direct child, in registration order.</summary>
    private static List<(string Name, long Count)> CountParametersByLayer(nn.Module module) =>
        module.named_children().Select(child => (child.name, CountParameters(child.module))).ToList();

    private static List<(string Name, long Count)> WithParameters(List<(string Name, long Count)> counts) =>
        counts.Where(layer => layer.Count > 0).OrderBy(layer => layer.Name, System.StringComparer.Ordinal).ToList();

    private static Dictionary<string, NormBase> BatchNormsByName(nn.Module module) =>
        module.named_children().Where(child => child.module is NormBase)
            .ToDictionary(child => child.name, child => (NormBase)child.module);

    /// <summary>
    /// Moves every BatchNorm away from its initial state (gamma 1, beta 0, mean 0, variance 1),
    /// so that evaluation-mode logits depend on each of those tensors.
    /// </summary>
    private static void RandomizeBatchNorm(nn.Module module)
    {
        using var noGrad = no_grad();
        foreach (NormBase norm in BatchNormsByName(module).Values)
        {
            norm.weight.uniform_(0.5, 1.5);
            norm.bias!.normal_(0, 0.2);
            norm.running_mean!.normal_(0, 0.1);
            norm.running_var!.uniform_(0.5, 2.0);
        }
    }

    private static void CopyState(nn.Module source, nn.Module target)
    {
        using var noGrad = no_grad();
        target.load_state_dict(source.state_dict(), strict: true);
    }
}

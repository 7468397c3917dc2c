using TorchSharp;
using static TorchSharp.torch;

namespace VatDsl.Tests.Support;

/// <summary>The reference models, with child names that give the cases' state_dict keys.</summary>
internal static class GoldenModels
{
    public static nn.Module<Tensor, Tensor> Build(string caseId, ScalarType dtype) => caseId switch
    {
        "case1_linear" or "case7a_constant_model" => nn.Sequential(("fc", nn.Linear(4, 3, dtype: dtype))),
        "case3_mlp_tanh" or "case6_entropy_min" => nn.Sequential(
            ("fc1", nn.Linear(5, 8, dtype: dtype)),
            ("tanh", nn.Tanh()),
            ("fc2", nn.Linear(8, 3, dtype: dtype))),
        "case5_conv_image" => nn.Sequential(
            ("conv", nn.Conv2d(1, 2, 3, padding: 1, dtype: dtype)),
            ("relu", nn.ReLU()),
            ("flatten", nn.Flatten()),
            ("fc", nn.Linear(32, 3, dtype: dtype))),
        _ => throw new System.ArgumentException($"No model for {caseId}.", nameof(caseId)),
    };
}

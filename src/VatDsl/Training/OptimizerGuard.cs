using System;
using System.Linq;
using System.Runtime.CompilerServices;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VatDsl;

/// <summary>
/// Rejects an optimizer that updates none of the model's parameters. Such an optimizer steps
/// other tensors, so the step returns normal losses while the model never changes.
/// </summary>
internal static class OptimizerGuard
{
    private static readonly object s_matched = new();

    // Each (model, optimizer) pair is checked once. Both tables hold their keys weakly, so the
    // cache never keeps a model or an optimizer alive.
    private static readonly ConditionalWeakTable<nn.Module, ConditionalWeakTable<optim.Optimizer, object>> s_checkedPairs = new();

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless the parameters of <paramref name="optimizer"/>
    /// include at least one parameter of <paramref name="model"/>, compared by native tensor
    /// handle or, failing that, by storage address.
    /// </summary>
    public static void EnsureOptimizesModel(nn.Module model, optim.Optimizer optimizer, string optimizerParameterName)
    {
        ConditionalWeakTable<optim.Optimizer, object> checkedOptimizers = s_checkedPairs.GetOrCreateValue(model);
        if (checkedOptimizers.TryGetValue(optimizer, out _))
        {
            return;
        }

        Parameter[] modelParameters = model.parameters().ToArray();
        if (modelParameters.Length > 0 && !UpdatesAny(optimizer, modelParameters))
        {
            throw new ArgumentException(
                $"{model.GetName()}: the optimizer updates none of this network's {modelParameters.Length} parameters, so the " +
                "step would leave the network unchanged. It was probably created for another network, or before the " +
                "network was moved to another device or dtype. Move the network first, then create the optimizer from " +
                "model.parameters(), for example optim.Adam(model.parameters(), 1e-3).",
                optimizerParameterName);
        }

        checkedOptimizers.AddOrUpdate(optimizer, s_matched);
    }

    private static bool UpdatesAny(optim.Optimizer optimizer, Parameter[] modelParameters)
    {
        // Native optimizers create a wrapper per parameter in parameters(); the scope frees them.
        using var scope = NewDisposeScope();
        Parameter[] optimizerParameters = optimizer.parameters().ToArray();
        var modelHandles = modelParameters.Select(p => p.Handle).ToHashSet();
        if (optimizerParameters.Any(p => modelHandles.Contains(p.Handle)))
        {
            return true;
        }

        // Native optimizers such as LBFGS in TorchSharp 0.107 return new handles to the same
        // tensors from parameters(), so only their storage addresses match.
        var modelStorage = modelParameters.Select(StorageAddress).ToHashSet();
        return optimizerParameters.Any(p => modelStorage.Contains(StorageAddress(p)));
    }

    // storage<T>() converts to T first, so only T equal to the dtype shares the storage.
    // NOTE: parameters of other dtypes fall back to the handle, so a native optimizer over
    // them is rejected. The training steps take float32 and float64 parameters only.
    private static IntPtr StorageAddress(Tensor tensor) => tensor.dtype switch
    {
        ScalarType.Float32 => tensor.storage<float>().data_ptr(),
        ScalarType.Float64 => tensor.storage<double>().data_ptr(),
        _ => tensor.Handle,
    };
}

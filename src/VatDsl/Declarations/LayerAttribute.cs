using System;

namespace VatDsl;

/// <summary>
/// Base of every layer attribute. Layers run in the order they are declared on the network class.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public abstract class LayerAttribute : Attribute
{
    // Private protected: the source generator supports only the layers declared in this assembly,
    // so other assemblies cannot add layer kinds by deriving from this class.
    private protected LayerAttribute()
    {
    }

    /// <summary>
    /// State_dict prefix of the layer (for example <c>"conv1"</c> gives <c>conv1.weight</c>).
    /// Unnamed layers take their zero-based position, as in PyTorch's <c>nn.Sequential</c>.
    /// </summary>
    public string? Name { get; set; }
}

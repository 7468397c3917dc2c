using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace VatDsl;

/// <summary>
/// Raw bytes of every buffer of a module tree (BatchNorm running_mean, running_var and
/// num_batches_tracked), written back on <see cref="Dispose"/>.
/// </summary>
/// <remarks>
/// In training mode every BatchNorm forward updates its running statistics. The VAT passes on
/// unlabeled and perturbed inputs must normalize with their own batch statistics but leave the
/// buffers as the labeled pass left them. Restoring with <c>copy_</c> would bump the buffers'
/// autograd version counter, and the backward pass of the labeled forward, which saved
/// running_mean and running_var, would then fail with "modified by an inplace operation".
/// Writing the bytes back bypasses the version counter and restores the values bit for bit,
/// NaN payloads and negative zeros included.
/// </remarks>
internal sealed class BufferSnapshot : IDisposable
{
    private readonly List<(Tensor Buffer, byte[] Bytes)> _saved;
    private bool _restored;

    private BufferSnapshot(List<(Tensor Buffer, byte[] Bytes)> saved)
    {
        _saved = saved;
    }

    /// <summary>Copies the bytes of every buffer of <paramref name="model"/> and its submodules.</summary>
    public static BufferSnapshot Capture(nn.Module model)
    {
        var saved = new List<(Tensor, byte[])>();
        foreach (var (name, buffer) in model.named_buffers())
        {
            if (buffer.device_type != DeviceType.CPU)
            {
                // TODO: restore buffers on other devices without bumping the version counter
                // (for example by swapping in a clone before the passes and the original after).
                throw new NotSupportedException(
                    $"Buffer '{name}' is on {buffer.device}; VAT restores BatchNorm statistics only for " +
                    "CPU tensors. Train on the CPU (VatDsl references TorchSharp-cpu).");
            }

            if (!buffer.is_contiguous())
            {
                throw new NotSupportedException(
                    $"Buffer '{name}' is not contiguous, so its bytes cannot be saved and restored. " +
                    "Register buffers as contiguous tensors (call .contiguous() before registering).");
            }

            saved.Add((buffer, buffer.bytes.ToArray()));
        }

        return new BufferSnapshot(saved);
    }

    /// <summary>Writes the saved bytes back into the same tensors.</summary>
    public void Dispose()
    {
        if (_restored)
        {
            return;
        }

        _restored = true;
        foreach (var (buffer, bytes) in _saved)
        {
            buffer.bytes = bytes;
        }
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using TorchSharp.PyBridge;
using VatDsl.Checkpoints;
using static TorchSharp.torch;

namespace VatDsl.Export;

/// <summary>
/// Writes and reads network weights in PyTorch's <c>torch.save</c> format (a zip archive with a
/// pickled state_dict), through TorchSharp.PyBridge. In Python,
/// <c>model.load_state_dict(torch.load(path), strict=True)</c> loads the file into the
/// equivalent <c>nn.Sequential</c>, because generated networks name their state_dict entries as
/// <c>nn.Sequential</c> does.
/// </summary>
/// <remarks>
/// The file contains every parameter and buffer, BatchNorm's running_mean, running_var and
/// num_batches_tracked included. Tensors on another device are copied to the CPU for writing.
/// </remarks>
public static class PyTorchExport
{
    /// <summary>Writes the state_dict of <paramref name="model"/> to <paramref name="path"/>, replacing the file only once the new one is complete.</summary>
    /// <exception cref="IOException">Writing failed. A previous file at <paramref name="path"/> is unchanged.</exception>
    public static void Save(nn.Module model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.Write(path, stream => model.save_py(stream, leaveOpen: true));
    }

    /// <summary>
    /// Loads a state_dict written by <see cref="Save"/> or by PyTorch's <c>torch.save(model.state_dict(), path)</c>
    /// into <paramref name="model"/>. Keys, dtypes and shapes must match those of the model exactly.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="ArgumentException">The file's state_dict does not fit <paramref name="model"/>; the model is unchanged.</exception>
    public static void Load(nn.Module model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"PyTorch state_dict file {path} not found. Check the path.", path);
        }

        var saved = new Dictionary<string, Tensor>();
        try
        {
            using (FileStream stream = File.OpenRead(path))
            {
                foreach (DictionaryEntry entry in PyTorchUnpickler.UnpickleStateDict(stream))
                {
                    saved[(string)entry.Key] = (Tensor)entry.Value!;
                }
            }

            List<string> differences = StateDictTensors.Differences(saved, model.state_dict(), "the file");
            if (differences.Count > 0)
            {
                string network = model.GetType().FullName ?? model.GetName();
                throw new ArgumentException(
                    $"The state_dict in {path} does not fit the model {network}: {string.Join("; ", differences)}. " +
                    $"Load it into the network it was exported from.", nameof(model));
            }

            StateDictTensors.CopyInto(saved, model);
        }
        finally
        {
            StateDictTensors.Dispose(saved);
        }
    }
}

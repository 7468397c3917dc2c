using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace VatDsl.Checkpoints;

/// <summary>
/// Writes and reads the tensors of a state_dict in the checkpoint payload: the entry count, then
/// per entry the key, the dtype, the shape and the raw bytes in row-major order.
/// </summary>
/// <remarks>
/// Loading reads every entry first and checks all keys, dtypes and shapes against the target
/// module before it copies anything, so a checkpoint of another network leaves the module unchanged.
/// </remarks>
internal static class StateDictTensors
{
    public static void Write(BinaryWriter writer, nn.Module module)
    {
        Dictionary<string, Tensor> stateDict = module.state_dict();
        writer.Write(stateDict.Count);
        foreach (var (key, value) in stateDict)
        {
            using var noGrad = no_grad();
            // cpu() and contiguous() may return their input, and disposing a tensor twice is harmless.
            using Tensor detached = value.detach();
            using Tensor onCpu = detached.cpu();
            using Tensor cpu = onCpu.contiguous();
            writer.Write(key);
            writer.Write((int)cpu.dtype);
            writer.Write((int)cpu.ndim);
            foreach (long size in cpu.shape)
            {
                writer.Write(size);
            }

            ReadOnlySpan<byte> bytes = cpu.bytes;
            writer.Write((long)bytes.Length);
            writer.Write(bytes);
        }
    }

    /// <summary>Reads the entries into new CPU tensors, which the caller disposes.</summary>
    public static Dictionary<string, Tensor> Read(BinaryReader reader)
    {
        var saved = new Dictionary<string, Tensor>();
        try
        {
            int count = reader.ReadInt32();
            for (int i = 0; i < count; i++)
            {
                string key = reader.ReadString();
                saved[key] = ReadTensor(reader);
            }

            return saved;
        }
        catch
        {
            Dispose(saved);
            throw;
        }
    }

    /// <summary>Copies <paramref name="saved"/> into the state_dict of <paramref name="module"/>, after <see cref="CheckFits"/>.</summary>
    public static void CopyInto(IReadOnlyDictionary<string, Tensor> saved, nn.Module module)
    {
        Dictionary<string, Tensor> target = module.state_dict();
        using var noGrad = no_grad();
        foreach (var (key, value) in saved)
        {
            target[key].copy_(value);
        }
    }

    public static void Dispose(IReadOnlyDictionary<string, Tensor> saved)
    {
        foreach (Tensor tensor in saved.Values)
        {
            tensor.Dispose();
        }
    }

    private static Tensor ReadTensor(BinaryReader reader)
    {
        var dtype = (ScalarType)reader.ReadInt32();
        int ndim = reader.ReadInt32();
        if (ndim < 0 || ndim > 64)
        {
            throw new InvalidDataException($"A tensor has {ndim} dimensions.");
        }

        long[] shape = new long[ndim];
        for (int d = 0; d < ndim; d++)
        {
            shape[d] = reader.ReadInt64();
        }

        long byteCount = reader.ReadInt64();
        long remaining = reader.BaseStream.Length - reader.BaseStream.Position;
        if (byteCount < 0 || byteCount > remaining)
        {
            throw new InvalidDataException($"A tensor has {byteCount} bytes, but only {remaining} remain.");
        }

        byte[] bytes = reader.ReadBytes((int)byteCount);
        if (bytes.Length != byteCount)
        {
            throw new EndOfStreamException($"A tensor needs {byteCount} bytes, but only {bytes.Length} remain.");
        }

        Tensor result = empty(shape, dtype);
        if (result.NumberOfElements * result.ElementSize != byteCount)
        {
            result.Dispose();
            throw new InvalidDataException(
                $"A {dtype} tensor of shape ({string.Join(", ", shape)}) needs {result.NumberOfElements * result.ElementSize} bytes, not {byteCount}.");
        }

        result.bytes = bytes;
        return result;
    }

    /// <summary>Checks that <paramref name="saved"/> has the keys, dtypes and shapes of the state_dict of <paramref name="module"/>.</summary>
    /// <exception cref="CheckpointMismatchException">They differ; the message lists every difference.</exception>
    public static void CheckFits(Dictionary<string, Tensor> saved, nn.Module module, string path, string savedNetwork)
    {
        List<string> differences = Differences(saved, module.state_dict(), "the checkpoint");
        if (differences.Count > 0)
        {
            string targetNetwork = module.GetType().FullName ?? module.GetName();
            throw new CheckpointMismatchException(path,
                $"Checkpoint {path} holds the state_dict of {savedNetwork}, which does not fit the model {targetNetwork}: " +
                $"{string.Join("; ", differences)}. Load it into a {savedNetwork}, or start a new run for this network.");
        }
    }

    /// <summary>
    /// Lists the keys that only one side has, and the entries whose dtype or shape differ, in
    /// words that name <paramref name="source"/>, for example "the checkpoint".
    /// </summary>
    public static List<string> Differences(IReadOnlyDictionary<string, Tensor> saved, IReadOnlyDictionary<string, Tensor> target, string source)
    {
        var differences = new List<string>();
        string[] missing = target.Keys.Where(k => !saved.ContainsKey(k)).ToArray();
        string[] unexpected = saved.Keys.Where(k => !target.ContainsKey(k)).ToArray();
        if (missing.Length > 0)
        {
            differences.Add($"missing keys {string.Join(", ", missing)}");
        }

        if (unexpected.Length > 0)
        {
            differences.Add($"unexpected keys {string.Join(", ", unexpected)}");
        }

        foreach (var (key, value) in saved)
        {
            if (target.TryGetValue(key, out Tensor? expected)
                && (value.dtype != expected.dtype || !value.shape.SequenceEqual(expected.shape)))
            {
                differences.Add($"{key} is {Describe(value)} in {source} but {Describe(expected)} in the model");
            }
        }

        return differences;
    }

    private static string Describe(Tensor tensor) => $"{tensor.dtype} ({string.Join(", ", tensor.shape)})";
}
